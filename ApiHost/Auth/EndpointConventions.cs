namespace Daarion.ApiHost.Auth;

public static class EndpointConventions
{
    /// <summary>Maps the route to an action of the <see cref="ActionCatalog"/>; the PDP decides on it for every request.</summary>
    public static TBuilder RequiresAction<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder
    {
        if (!ActionCatalog.All.Contains(action)) throw new ArgumentException($"Action '{action}' is not in the ActionCatalog.", nameof(action));
        return builder.WithMetadata(new EndpointAction(action));
    }

    /// <summary>
    /// The route also takes callers without credentials: the PDP decides on its action for the anonymous subject
    /// (which the registry's public bundle allows for health, metrics, OpenAPI and the login routes).
    /// </summary>
    public static TBuilder AllowAnonymousAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AnonymousAccess.Instance);

    /// <summary>Throws when a route is not mapped to an action: such a route would be denied to everyone.</summary>
    public static void EnsureEveryRouteHasAnAction(this IEndpointRouteBuilder routes)
    {
        var unmapped = routes.DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EndpointAction>() is null)
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText)
            .ToList();
        if (unmapped.Count > 0)
        {
            throw new InvalidOperationException("Routes without an action (map each with RequiresAction): " + string.Join(", ", unmapped));
        }
    }
}
