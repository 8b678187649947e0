using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Booking.ServiceDefaults;

/// <summary>What a site may relax in <see cref="SecurityHeaders"/>' policy, and where.</summary>
public sealed class SecurityHeadersPolicy
{
    /// <summary>Allows inline <c>&lt;style&gt;</c> on every page (a site whose stylesheet is inline). Never inline script.</summary>
    public bool InlineStyles { get; set; }

    /// <summary>Third-party pages that cannot work without inline script and style (the API reference), by path prefix.</summary>
    public List<PathString> ThirdPartyPages { get; } = [];

    /// <summary>Sends redirects to our own host as a relative path, so a Location never repeats the Host a client sent
    /// (<c>AllowedHosts</c> already refuses foreign ones; this holds even where it is left at <c>*</c>).</summary>
    public bool RelativeRedirects { get; set; }
}

/// <summary>
/// The headers every response of a site carries: a strict Content-Security-Policy (scripts and styles from our own
/// origin only, no framing), no referrer (our URLs carry confirmation codes and manage tokens), no MIME sniffing, HSTS
/// over HTTPS, and <c>no-store</c> unless the endpoint chose its own caching (static assets do).
/// </summary>
public static class SecurityHeaders
{
    private const string StrictScript = "script-src 'self'";
    private const string StrictStyle = "style-src 'self'";
    private const string Rest = "default-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>One year, as browsers' preload rules expect; sent over HTTPS only (RFC 6797 ignores it over HTTP).</summary>
    private const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, Action<SecurityHeadersPolicy>? configure = null)
    {
        var policy = new SecurityHeadersPolicy();
        configure?.Invoke(policy);
        var pagePolicy = $"{StrictScript}; {(policy.InlineStyles ? "style-src 'self' 'unsafe-inline'" : StrictStyle)}; {Rest}";
        var thirdPartyPolicy = $"script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; {Rest}";

        return app.Use((context, next) =>
        {
            var csp = policy.ThirdPartyPages.Any(p => context.Request.Path.StartsWithSegments(p)) ? thirdPartyPolicy : pagePolicy;
            context.Response.OnStarting(() =>
            {
                Apply(context, csp, policy.RelativeRedirects);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Apply(HttpContext context, string contentSecurityPolicy, bool relativeRedirects)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        // Antiforgery writes SAMEORIGIN on pages with forms; no page of ours is ever meant to be framed.
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps)
            headers.StrictTransportSecurity = StrictTransportSecurity;
        if (!headers.ContainsKey(HeaderNames.CacheControl))
            headers.CacheControl = "no-store";
        if (relativeRedirects && headers.Location.Count == 1 && RelativeToOwnHost(context.Request, headers.Location[0]) is { } relative)
            headers.Location = relative;
    }

    private static string? RelativeToOwnHost(HttpRequest request, string? location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? uri.PathAndQuery + uri.Fragment
            : null;
}
