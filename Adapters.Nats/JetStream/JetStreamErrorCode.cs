namespace Daarion.Adapters.Nats.JetStream;

/// <summary>
/// The err_code of a JetStream API error (nats-server's errors.json). Only the ones a client is likely to act on are
/// named; any other value is still carried through as a number.
/// </summary>
public enum JetStreamErrorCode
{
    None = 0,
    BadRequest = 10003,
    ClusterUnavailable = 10008,
    ConsumerCreateFailed = 10012,
    ConsumerNameExists = 10013,
    ConsumerNotFound = 10014,
    InsufficientResources = 10023,
    InvalidJson = 10025,
    MaximumConsumersLimit = 10026,
    MaximumStreamsLimit = 10027,
    NoMessageFound = 10037,
    JetStreamNotEnabledForAccount = 10039,
    StreamInvalidConfig = 10052,
    StreamMessageExceedsMaximum = 10054,
    StreamNameExists = 10058,
    StreamNotFound = 10059,
    StreamNotMatch = 10060,
    StreamReplicasNotUpdatable = 10061,
    StreamSubjectOverlap = 10065,
    StreamUpdateFailed = 10069,
    StreamWrongLastMsgId = 10070,
    StreamWrongLastSequence = 10071,
    ReplicasNotSupported = 10074,
    JetStreamNotEnabled = 10076,
    StreamStoreFailed = 10077,
    StreamSealed = 10109,
}
