namespace Booking.Web.Site;

/// <summary>A waiting-list offer being taken, as it travels with its held seat from the offer's page through screening
/// to the details (<c>offer</c>, <c>offerToken</c>): the details then book it as the offer's acceptance.</summary>
public sealed record OfferBeingTaken(Guid OfferId, string Token)
{
    public static OfferBeingTaken? TryRead(string? offer, string? token) =>
        Guid.TryParse(offer, out var id) && !string.IsNullOrEmpty(token) ? new OfferBeingTaken(id, token) : null;

    /// <summary>What to append to a step's query ("" when no offer is being taken).</summary>
    public static string QueryOf(OfferBeingTaken? offer) =>
        offer is null ? "" : $"&offer={offer.OfferId}&offerToken={Uri.EscapeDataString(offer.Token)}";
}
