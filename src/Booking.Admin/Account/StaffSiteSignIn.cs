using System.Security.Claims;
using Booking.Identity.Server;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Booking.Admin.Account;

/// <summary>Where the staff site signs people in (<c>StaffSite</c>): the identity server's public address, as staff
/// browsers and this host reach it, and the site's client id there.</summary>
public sealed class StaffSiteSignInOptions
{
    public const string Section = "StaffSite";

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "staff-site";
}

/// <summary>
/// The staff site as a relying party of the identity server (docs/decisions/0016-staff-sites-sign-in-through-the-server.md),
/// as any later staff host would be: authorization code with PKCE, no secret. The site's own cookie is opened from the
/// identity token and holds the person's id, <c>amr</c> and the server's session id, which <see cref="StaffSessionEvents"/>
/// checks against <c>staff_sessions</c> on every request: a sign-out on any staff host, or the server's session ending,
/// ends it. Roles are not taken from the token: <c>StaffAccess</c> reads the roles held at each request.
/// </summary>
public static class StaffSiteSignIn
{
    public static AuthenticationBuilder AddStaffSiteSignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var services = authentication.Services;
        services.AddOptions<StaffSiteSignInOptions>().Bind(configuration.GetSection(StaffSiteSignInOptions.Section))
            .Validate(site => Uri.TryCreate(site.Authority, UriKind.Absolute, out _), "StaffSite:Authority must be the identity server's absolute address.")
            .ValidateOnStart();
        authentication.AddCookie(StaffSchemes.Site).AddOpenIdConnect(StaffSchemes.OpenIdConnect, _ => { });

        services.AddOptions<CookieAuthenticationOptions>(StaffSchemes.Site).Configure<IOptions<StaffSignInOptions>>((cookie, signIn) =>
        {
            cookie.Cookie.Name = ".Booking.Staff.Site";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Without a session, the identity server decides: it signs the person in, or sees they already are.
            cookie.ForwardChallenge = StaffSchemes.OpenIdConnect;
            cookie.ExpireTimeSpan = signIn.Value.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.EventsType = typeof(StaffSessionEvents);
        });
        services.AddOptions<OpenIdConnectOptions>(StaffSchemes.OpenIdConnect)
            .Configure<IOptions<StaffSiteSignInOptions>, IOptions<IdentityServerOptions>, TimeProvider>((oidc, site, server, clock) =>
            {
                oidc.Authority = site.Value.Authority;
                oidc.ClientId = site.Value.ClientId;
                oidc.RequireHttpsMetadata = server.Value.RequireHttps;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in a redirect, not an auto-posted form: the site's cookies can stay same-site only.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.Scope.Clear();
                oidc.Scope.Add(OpenIdConnectScope.OpenId);
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.MapInboundClaims = false;
                // The identity token is kept in the site's cookie to be handed back at sign-out (id_token_hint).
                oidc.SaveTokens = true;
                oidc.SignInScheme = StaffSchemes.Site;
                // The correlation and nonce cookies are dated for the browser, which drops them on its own clock: the
                // real one, whatever clock the platform runs on (the suite runs the platform at other dates).
                oidc.TimeProvider = TimeProvider.System;
                oidc.SignedOutRedirectUri = "/signin";
                foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
                {
                    cookie.SameSite = SameSiteMode.Lax;
                    cookie.SecurePolicy = server.Value.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                }
                // The server dates its tokens on the platform clock; they are checked on the same one.
                oidc.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore <= now + parameters.ClockSkew) && (expires is null || expires > now - parameters.ClockSkew);
                };
                oidc.Events.OnTokenValidated = context =>
                {
                    context.Principal = SitePrincipal(context.Principal!);
                    return Task.CompletedTask;
                };
            });
        return authentication;
    }

    // The claims the site's policies and pages read, under the names they read them by.
    private static ClaimsPrincipal SitePrincipal(ClaimsPrincipal token)
    {
        var identity = new ClaimsIdentity(StaffSchemes.Site, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, token.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("An identity token without a subject.")));
        identity.AddClaim(new Claim(ClaimTypes.Name, token.FindFirstValue("name") ?? ""));
        identity.AddClaims(token.FindAll(StaffSchemes.MethodsClaim).Select(method => new Claim(StaffSchemes.MethodsClaim, method.Value)));
        identity.AddClaim(new Claim(StaffSessionEvents.SessionClaim, token.FindFirstValue(AuthorizationEndpoint.SessionClaim) ?? ""));
        return new ClaimsPrincipal(identity);
    }
}
