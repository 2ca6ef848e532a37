using System.Text.Json;
using Daarion.Grains.Access;
using Daarion.Silo;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Daarion.ApiHost.Problems;

/// <summary>
/// Turns exceptions into problem+json: bad input is a 4xx with a stable type, temporary unavailability a 503 with
/// Retry-After, and anything else a 500 that reveals nothing of the error.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, retryAfter) = Classify(exception);
        // A JSON error names the path and the problem (never a value), which is what the client needs to fix it.
        var detail = status >= 500 ? null : exception is BadHttpRequestException { InnerException: JsonException json } ? json.Message : exception.Message;
        if (status >= 500 && retryAfter is null) Log.UnhandledError(logger, exception, context.Request.Method, context.Request.Path);
        if (retryAfter is { } wait) context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Type = type, Title = title, Detail = detail },
        });
    }

    private static (int Status, string Type, string Title, TimeSpan? RetryAfter) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException } => (400, ProblemTypes.MalformedJson, "The request body is not valid JSON.", null),
        BadHttpRequestException { StatusCode: 413 } => (413, ProblemTypes.PayloadTooLarge, "The request body is too large.", null),
        BadHttpRequestException bad => (bad.StatusCode, ProblemTypes.ForStatus(bad.StatusCode), "The request is not valid.", null),
        JsonException => (400, ProblemTypes.MalformedJson, "The request body is not valid JSON.", null),
        DecisionLogFullException => (503, ProblemTypes.Overloaded, "Decisions cannot be logged right now; retry shortly.", TimeSpan.FromSeconds(1)),
        GrainOverloadedException overloaded => (503, ProblemTypes.Overloaded, "Too many requests for one resource; retry shortly.", overloaded.RetryAfter),
        GrainCallTimeoutException => (503, ProblemTypes.Timeout, "The request took too long; retry shortly.", TimeSpan.FromSeconds(1)),
        NpgsqlException or GrainActivationException { InnerException: NpgsqlException } =>
            (503, ProblemTypes.DatabaseUnavailable, "The database is unavailable; nothing was written.", TimeSpan.FromSeconds(2)),
        _ => (500, ProblemTypes.Internal, "An unexpected error occurred.", null),
    };
}
