using Booking.Data.Offer;
using Booking.Domain.Catalog;
using Booking.Messages.Templates;

namespace Booking.Messages.Reference;

/// <summary>Everything a message needs besides the booking itself, read together and kept for a short while.</summary>
public sealed record MessageReference(
    IReadOnlyDictionary<Guid, Location> Locations,
    IReadOnlyDictionary<string, Service> Services,
    OfferedServices Offered,
    TemplateOverrides Templates)
{
    public Location Location(Guid id) => Locations.TryGetValue(id, out var location) ? location
        : throw new InvalidOperationException($"No clinic {id}: a message cannot be composed for it.");

    /// <summary>A service as the clinic offers it: in its organisation's words (see <see cref="OfferedServices"/>).</summary>
    public EffectiveService Service(Guid locationId, string code) => Offered.At(locationId, code)
        ?? throw new InvalidOperationException($"No service {code} at clinic {locationId}: a message cannot be composed for it.");
}
