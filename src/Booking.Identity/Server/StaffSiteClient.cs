namespace Booking.Identity.Server;

/// <summary>A staff site registered with the identity server: a public client (authorization code with PKCE, no secret)
/// whose addresses are compared whole, character for character, never by prefix.</summary>
public sealed class StaffSiteClient
{
    public string ClientId { get; set; } = "";

    /// <summary>Where codes may be sent (the site's <c>/signin-oidc</c>).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where the browser may be sent back after signing out (the site's <c>/signout-callback-oidc</c>).</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    public bool Redirects(string? uri) => uri is not null && RedirectUris.Contains(uri, StringComparer.Ordinal);

    public bool ReturnsAfterSignOut(string? uri) => uri is not null && PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal);
}
