using System.Security.Claims;
using Booking.Admin.Components.Shared;
using Booking.Data.Offer;
using Booking.Staff.Access;

namespace Booking.Admin.Components.Offer;

/// <summary>A page of the clinics' offer: a <see cref="StaffPage"/> under <see cref="StaffPermission.ManageOffer"/> that
/// knows who is asking, for the offer's services and its audit trail.</summary>
public abstract class OfferPage : StaffPage
{
    protected ClaimsPrincipal User => HttpContext.User;

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Who changes the offer, and from where, as <c>offer_audit</c> names them.</summary>
    protected OfferActor Editor => new($"staff:{UserId}", HttpContext.Connection.RemoteIpAddress);

    /// <summary>Answers 404 (and renders nothing of it) unless the person may manage the clinic's offer.</summary>
    protected Task<bool> RequireClinicAsync(Guid locationId) => RequireAsync(StaffPolicies.ManageOffer, StaffScope.OfLocation(locationId));
}
