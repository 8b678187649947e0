using System.Security.Claims;
using Booking.Data.Offer;
using Booking.Staff.Offer;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Booking.Admin.Components.Offer;

/// <summary>A page of the clinics' offer: it knows who is asking (for <see cref="IOfferAccess"/> and the audit
/// trail) and answers what they may not manage exactly like what does not exist (404, nothing shown).</summary>
public abstract class OfferPage : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = null!;

    [Inject] protected IOfferAccess Access { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>Set when the page answered 404: the router's not-found page is shown instead of it.</summary>
    protected bool Missing { get; private set; }

    protected ClaimsPrincipal User => HttpContext.User;

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected OfferActor Actor => new($"staff:{User.FindFirstValue(ClaimTypes.NameIdentifier)}", HttpContext.Connection.RemoteIpAddress);

    protected void NotFound()
    {
        Missing = true;
        Navigation.NotFound();
    }
}
