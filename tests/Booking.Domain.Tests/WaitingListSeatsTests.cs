using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;

namespace Booking.Domain.Tests;

/// <summary>One seat freed is one offer open at a time: owed again when its offer runs out or is declined, never when
/// it is taken, and never twice for one seat.</summary>
public class WaitingListSeatsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Offer = TimeSpan.FromMinutes(30);
    private static readonly Slot Nine = new("FLU", Now.AddHours(2), Now.AddHours(2).AddMinutes(15), 2);

    private static (SlotInventory Inventory, WaitingListSeats Seats) OneSeatOffered()
    {
        var inventory = new SlotInventory([Nine], []);
        var seats = new WaitingListSeats();
        seats.Freed("FLU");
        Assert.Equal([new("FLU", 1)], seats.TakeOwed(inventory));
        inventory.TryHold(Nine.Key, "offer", Now, Offer);
        seats.Offering("offer", "FLU");
        return (inventory, seats);
    }

    [Fact]
    public void A_seat_freed_is_owed_once_and_nothing_while_its_offer_is_open()
    {
        var (inventory, seats) = OneSeatOffered();

        Assert.Empty(seats.TakeOwed(inventory));
    }

    [Fact]
    public void An_offer_that_runs_out_owes_its_seat_again_once()
    {
        var (inventory, seats) = OneSeatOffered();
        inventory.PurgeExpiredHolds(Now + Offer);

        Assert.Equal([new("FLU", 1)], seats.TakeOwed(inventory));
        Assert.Empty(seats.TakeOwed(inventory));
    }

    [Fact]
    public void An_offer_taken_owes_nothing_even_once_its_time_is_up()
    {
        var (inventory, seats) = OneSeatOffered();
        Assert.IsType<ClaimOutcome.Claimed>(inventory.ClaimSeat("offer", Guid.NewGuid(), Now.AddMinutes(5)));
        inventory.PurgeExpiredHolds(Now + Offer);

        Assert.Empty(seats.TakeOwed(inventory));
    }

    [Fact]
    public void An_offer_renamed_is_settled_under_its_new_hold_id()
    {
        var (inventory, seats) = OneSeatOffered();
        inventory.ReleaseHold("offer");
        inventory.RestoreHold("citizen's own id", Nine.Key, Now + Offer, Now);
        seats.Renamed("offer", "citizen's own id");

        Assert.False(seats.IsOffered("offer"));
        Assert.True(seats.IsOffered("citizen's own id"));
        Assert.Empty(seats.TakeOwed(inventory));
        inventory.PurgeExpiredHolds(Now + Offer);
        Assert.Equal([new("FLU", 1)], seats.TakeOwed(inventory));
    }

    [Fact]
    public void An_offer_declined_owes_its_seat_again_at_once()
    {
        var (inventory, seats) = OneSeatOffered();
        inventory.ReleaseHold("offer");
        seats.Released("offer");

        Assert.Equal([new("FLU", 1)], seats.TakeOwed(inventory));
        Assert.Empty(seats.TakeOwed(inventory));
    }

    [Fact]
    public void A_seat_nobody_on_the_list_could_take_is_owed_no_more()
    {
        var (inventory, seats) = OneSeatOffered();
        seats.NobodyTook("offer");
        inventory.ReleaseHold("offer");
        seats.Released("offer");

        Assert.Empty(seats.TakeOwed(inventory));
    }

    [Fact]
    public void Seats_are_owed_per_service()
    {
        var seats = new WaitingListSeats();
        seats.Freed("FLU");
        seats.Freed("COVID");
        seats.Freed("FLU");

        Assert.Equal(new Dictionary<string, int> { ["FLU"] = 2, ["COVID"] = 1 }, seats.TakeOwed(new SlotInventory([Nine], [])).ToDictionary());
    }
}
