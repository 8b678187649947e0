namespace Booking.Identity.Server;

/// <summary>The identity server (section <c>Identity</c>).</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    /// <summary>How long an access token lives: short, so that a revoked client's last token dies soon even where the
    /// revocation is not checked (the platform's own API checks it on every request).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a staff site has to exchange an authorization code: it does so at once, in the same redirect.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an identity token lives: it is read once, when a staff site opens its own session.</summary>
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The staff sites that sign people in through this server, each with its exact addresses.</summary>
    public List<StaffSiteClient> StaffSites { get; set; } = [];

    /// <summary>False only on loopback (development, tests): production serves the endpoints over TLS only.</summary>
    public bool RequireHttps { get; set; } = true;

    public StaffSiteClient? StaffSite(string? clientId) =>
        clientId is null ? null : StaffSites.Find(site => string.Equals(site.ClientId, clientId, StringComparison.Ordinal));
}
