namespace Daarion.ApiHost.Energy;

/// <summary>Reads a request's raw body into memory, within the route's size limit (413 beyond it), for parsing and signature checks on the exact bytes.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 0, 16 * 1024 * 1024));
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
