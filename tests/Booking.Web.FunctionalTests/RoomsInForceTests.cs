using Booking.Domain.Campaigns;
using Booking.Web.WaitingRooms;

namespace Booking.Web.FunctionalTests;

/// <summary>Which waiting room gates a service, worked out once and kept until the first of its campaigns' rooms closes.</summary>
public sealed class RoomsInForceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));

    private static Campaign Campaign(string service, DateTimeOffset? closesAt, bool waitingRoom = true) =>
        new(Guid.NewGuid(), service, "Campagne", "Campaign", Now.AddDays(-1), closesAt, [new CampaignGroup("general", null)], WaitingRoom: waitingRoom);

    private static WaitingRoomOptions.RoomOptions Room(bool enabled, params string[] services) =>
        new() { Enabled = enabled, AdmissionsPerMinute = 60, Services = [.. services] };

    [Fact]
    public void A_configured_room_comes_before_a_campaigns_room_for_the_same_service_and_a_disabled_one_gates_nothing()
    {
        var campaign = Campaign("FLU", closesAt: null);
        var configured = new Dictionary<string, WaitingRoomOptions.RoomOptions> { ["host-room"] = Room(true, "FLU"), ["off"] = Room(false, "COVID19") };

        var rooms = RoomsInForce.At(Now, configured, [campaign]);

        Assert.Equal("host-room", rooms.RoomOf("FLU"));
        Assert.Null(rooms.RoomOf("COVID19"));
        Assert.True(rooms.ByName.ContainsKey("off"));
        Assert.True(rooms.ByName.ContainsKey(campaign.WaitingRoomName!));
        Assert.Equal(DateTimeOffset.MaxValue, rooms.ValidUntil);
    }

    [Fact]
    public void A_campaigns_room_gates_its_service_until_the_campaign_closes_and_the_set_holds_until_the_first_close()
    {
        var closingSoon = Campaign("FLU", Now.AddHours(2));
        var closingLater = Campaign("COVID19", Now.AddDays(3));
        var closed = Campaign("HEPB", Now);
        var withoutRoom = Campaign("MMR", Now.AddMinutes(5), waitingRoom: false);
        var campaigns = new[] { closingLater, closed, withoutRoom, closingSoon };

        var now = RoomsInForce.At(Now, new Dictionary<string, WaitingRoomOptions.RoomOptions>(), campaigns);
        var afterTheFirstClose = RoomsInForce.At(now.ValidUntil, new Dictionary<string, WaitingRoomOptions.RoomOptions>(), campaigns);

        Assert.Equal(closingSoon.WaitingRoomName, now.RoomOf("FLU"));
        Assert.Equal(closingLater.WaitingRoomName, now.RoomOf("COVID19"));
        Assert.Null(now.RoomOf("HEPB"));
        Assert.Null(now.RoomOf("MMR"));
        Assert.Equal(closingSoon.ClosesAt, now.ValidUntil);
        Assert.Null(afterTheFirstClose.RoomOf("FLU"));
        Assert.False(afterTheFirstClose.ByName.ContainsKey(closingSoon.WaitingRoomName!));
        Assert.Equal(closingLater.ClosesAt, afterTheFirstClose.ValidUntil);
    }
}
