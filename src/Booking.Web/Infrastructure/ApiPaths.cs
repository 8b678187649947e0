namespace Booking.Web.Infrastructure;

/// <summary>The paths served to programs rather than people: the API, the availability feed and the pass keys. Their
/// refusals are always problem details, never a page.</summary>
public static class ApiPaths
{
    public static bool Contains(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/fhir") || path.StartsWithSegments("/.well-known");
}
