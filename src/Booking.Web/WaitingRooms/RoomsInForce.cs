using Booking.Domain.Campaigns;

namespace Booking.Web.WaitingRooms;

/// <summary>
/// The waiting rooms in force at an instant: those a host's configuration adds first, then the rooms of campaigns not
/// closed, by their names. Nearly every hold and pass asks which room gates a service, so the answer is worked out
/// once and kept until <see cref="ValidUntil"/>, the first instant a campaign's room among them closes.
/// </summary>
public sealed class RoomsInForce
{
    private readonly Dictionary<string, string> _roomByService = new(StringComparer.Ordinal);

    private RoomsInForce(Dictionary<string, WaitingRoomOptions.RoomOptions> byName, DateTimeOffset validUntil)
    {
        ByName = byName;
        ValidUntil = validUntil;
        // The first enabled room naming a service gates it: configured rooms come first in the dictionary's order.
        foreach (var (name, room) in byName)
            if (room.Enabled)
                foreach (var service in room.Services)
                    _roomByService.TryAdd(service, name);
    }

    public IReadOnlyDictionary<string, WaitingRoomOptions.RoomOptions> ByName { get; }

    /// <summary>When one of these rooms closes with its campaign, so the set no longer holds (never, if none will).</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>The enabled room gating a service, if any.</summary>
    public string? RoomOf(string serviceCode) => _roomByService.GetValueOrDefault(serviceCode);

    public static RoomsInForce At(DateTimeOffset now, IReadOnlyDictionary<string, WaitingRoomOptions.RoomOptions> configured, IEnumerable<Campaign> campaigns)
    {
        var rooms = new Dictionary<string, WaitingRoomOptions.RoomOptions>(configured, StringComparer.Ordinal);
        var validUntil = DateTimeOffset.MaxValue;
        foreach (var campaign in campaigns)
        {
            if (campaign.WaitingRoomName is not { } name || campaign.ClosesAt <= now)
                continue;
            rooms.TryAdd(name, new WaitingRoomOptions.RoomOptions
            {
                Enabled = true, AdmissionsPerMinute = campaign.AdmissionsPerMinute, Services = [campaign.ServiceCode],
            });
            if (campaign.ClosesAt is { } closes && closes < validUntil)
                validUntil = closes;
        }
        return new RoomsInForce(rooms, validUntil);
    }
}
