using System.Security.Claims;
using Booking.Admin.Components.Pages;
using Booking.Data.Staff;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Booking.Admin.Account;

/// <summary>
/// Ties each staff cookie (the identity server's session, the enrolment cookie, and the site's own, which joins the
/// server's) to a session held by the server, checked on every request: signing out, or finishing enrolment, ends it
/// for every copy of the cookie, and a session ends after <see cref="StaffSignInOptions.AbsoluteLifetime"/> however
/// active it is. One session ends, not all of the person's (as a new security stamp would): signing out at one
/// workstation leaves another alone. This replaces Identity's periodic security-stamp check, which would also drop
/// the two-factor claim when it refreshes the principal.
/// </summary>
public sealed class StaffSessionEvents(StaffSessions sessions, IOptions<StaffSignInOptions> signIn) : CookieAuthenticationEvents
{
    public const string SessionClaim = "sid";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        var identity = context.Principal?.Identity as ClaimsIdentity ?? throw new InvalidOperationException("A staff sign-in without an identity.");
        // The site's cookie is opened from the identity server's token, which names the server's session: it joins it.
        if (context.Scheme.Name == StaffSchemes.Site)
            return;
        var userId = Guid.Parse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? throw new InvalidOperationException("A staff sign-in without a user id."));
        var lifetime = context.Scheme.Name == StaffSchemes.Enrolment ? context.Options.ExpireTimeSpan : signIn.Value.AbsoluteLifetime;
        var started = context.Properties.IssuedUtc ?? Now(context.Options);
        var session = await sessions.StartAsync(userId, started, lifetime, context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(SessionClaim, session.ToString()));
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (Session(context.Principal) is { } session
            && await sessions.IsOpenAsync(session.Id, session.UserId, Now(context.Options), context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        context.Options.CookieManager.DeleteCookie(context.HttpContext, context.Options.Cookie.Name!, context.Options.Cookie.Build(context.HttpContext));
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (Session((await context.HttpContext.AuthenticateAsync(context.Scheme.Name)).Principal) is { } session)
            await sessions.EndAsync(session.Id, Now(context.Options), context.HttpContext.RequestAborted);
    }

    /// <summary>A signed-in person whose roles do not allow the page gets a 403 page (the two-factor policy or a
    /// <c>StaffPolicies</c> permission refused), never the page and never a trip back to sign-in.</summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        new RazorComponentResult<AccessDenied> { StatusCode = StatusCodes.Status403Forbidden }.ExecuteAsync(context.HttpContext);

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();

    private static (Guid Id, Guid UserId)? Session(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var user)
            ? (id, user)
            : null;
}
