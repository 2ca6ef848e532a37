namespace Daarion.Silo.Runtime;

/// <summary>
/// The calls awaiting a response, for response timeouts. Intrusive lists striped by processor keep add and
/// remove to one uncontended lock each; a sweeper walks them a few times per timeout period.
/// </summary>
internal sealed class InFlightRequests
{
    private readonly Stripe[] _stripes;

    public InFlightRequests()
    {
        _stripes = new Stripe[Math.Max(1, Environment.ProcessorCount)];
        for (var i = 0; i < _stripes.Length; i++) _stripes[i] = new Stripe();
    }

    public int Count => _stripes.Sum(s => s.Count);

    public void Add(GrainRequest request)
    {
        var index = (int)((uint)Thread.GetCurrentProcessorId() % (uint)_stripes.Length);
        var stripe = _stripes[index];
        lock (stripe.Lock)
        {
            request.InFlightStripe = index;
            request.InFlightNext = stripe.Head;
            if (stripe.Head is not null) stripe.Head.InFlightPrevious = request;
            stripe.Head = request;
            stripe.Count++;
        }
    }

    public void Remove(GrainRequest request)
    {
        var index = request.InFlightStripe;
        if (index < 0) return;
        var stripe = _stripes[index];
        lock (stripe.Lock) Unlink(stripe, request);
    }

    /// <summary>Unlinks every request whose deadline passed and returns them, so the caller fails them outside the locks.</summary>
    public List<GrainRequest> RemoveExpired(long now)
    {
        var expired = new List<GrainRequest>();
        foreach (var stripe in _stripes)
        {
            lock (stripe.Lock)
            {
                for (var request = stripe.Head; request is not null;)
                {
                    var next = request.InFlightNext;
                    if (request.Deadline <= now)
                    {
                        Unlink(stripe, request);
                        expired.Add(request);
                    }
                    request = next;
                }
            }
        }
        return expired;
    }

    private static void Unlink(Stripe stripe, GrainRequest request)
    {
        if (request.InFlightStripe < 0) return;
        if (request.InFlightPrevious is null) stripe.Head = request.InFlightNext;
        else request.InFlightPrevious.InFlightNext = request.InFlightNext;
        if (request.InFlightNext is not null) request.InFlightNext.InFlightPrevious = request.InFlightPrevious;
        request.InFlightPrevious = null;
        request.InFlightNext = null;
        request.InFlightStripe = -1;
        stripe.Count--;
    }

    private sealed class Stripe
    {
        public readonly Lock Lock = new();
        public GrainRequest? Head;
        public int Count;
    }
}
