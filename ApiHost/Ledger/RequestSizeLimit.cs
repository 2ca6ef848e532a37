using Microsoft.AspNetCore.Http.Metadata;

namespace Daarion.ApiHost.Ledger;

/// <summary>Endpoint metadata: the largest request body accepted (413 beyond it).</summary>
internal sealed class RequestSizeLimit(long bytes) : IRequestSizeLimitMetadata
{
    /// <summary>Ledger writes are small; 64 KiB leaves room for metadata and 100 postings.</summary>
    public static readonly RequestSizeLimit Ledger = new(64 * 1024);

    public long? MaxRequestBodySize { get; } = bytes;
}
