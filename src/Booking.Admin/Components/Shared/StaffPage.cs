using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Booking.Admin.Components.Shared;

/// <summary>
/// A page behind the two-factor sign-in. Its <c>[Authorize(Policy = StaffPolicies.…)]</c> says what it requires (held
/// somewhere, else 403); <see cref="RequireAsync"/> checks the resource in hand (a clinic, a tenant) through the same
/// policy and, when refused, answers 404 as if it did not exist: nothing is rendered of a resource out of scope.
/// </summary>
public abstract class StaffPage : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = null!;

    [Inject] private IAuthorizationService Authorization { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>Set once the page has answered 404: render nothing of the resource.</summary>
    protected bool Missing { get; private set; }

    protected Guid UserId => StaffAccess.UserId(HttpContext.User) ?? throw new InvalidOperationException("A staff page without a signed-in person.");

    /// <summary>Who acts, and from where: what the audit records name.</summary>
    protected StaffActor Actor => new(UserId, HttpContext.Connection.RemoteIpAddress);

    /// <summary>Whether the person holds the permission over <paramref name="scope"/>, to offer a link or a form; nothing is answered.</summary>
    protected async Task<bool> AllowsAsync(string policy, StaffScope scope) =>
        (await Authorization.AuthorizeAsync(HttpContext.User, scope, policy)).Succeeded;

    protected async Task<bool> RequireAsync(string policy, StaffScope scope)
    {
        if ((await Authorization.AuthorizeAsync(HttpContext.User, scope, policy)).Succeeded)
            return true;
        NotFound();
        return false;
    }

    /// <summary>Answers 404 with the site's not-found page, as for an address that does not exist. A form posted to
    /// such a page finds no form to run, which Blazor answers 400: that is a 404 too, like the page.</summary>
    protected void NotFound()
    {
        Missing = true;
        AnswerWith(StatusCodes.Status404NotFound);
        Navigation.NotFound();
    }

    /// <summary>Sets the response's status as it starts, after rendering: a status set earlier makes Blazor's static
    /// rendering treat the page as not found and leave its body empty.</summary>
    protected void AnswerWith(int status) =>
        HttpContext.Response.OnStarting(() =>
        {
            HttpContext.Response.StatusCode = status;
            return Task.CompletedTask;
        });
}
