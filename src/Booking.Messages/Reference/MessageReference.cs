using Booking.Domain.Catalog;
using Booking.Messages.Templates;

namespace Booking.Messages.Reference;

/// <summary>Everything a message needs besides the booking itself, read together and kept for a short while.</summary>
public sealed record MessageReference(
    IReadOnlyDictionary<Guid, Location> Locations,
    IReadOnlyDictionary<string, Service> Services,
    IReadOnlyDictionary<string, (string? Fr, string? En)> Preparations,
    TemplateOverrides Templates)
{
    public Location Location(Guid id) => Locations.TryGetValue(id, out var location) ? location
        : throw new InvalidOperationException($"No clinic {id}: a message cannot be composed for it.");

    public Service Service(string code) => Services.TryGetValue(code, out var service) ? service
        : throw new InvalidOperationException($"No service {code}: a message cannot be composed for it.");

    public string? Preparation(string serviceCode, string language) =>
        Preparations.TryGetValue(serviceCode, out var text) ? (language == "en" ? text.En : text.Fr) : null;
}
