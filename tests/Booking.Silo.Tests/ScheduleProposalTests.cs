using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>A clinic-day asked to take a schedule change (see decisions/0005): it refuses one that would strand a
/// booking, and otherwise offers only what both schedules allow until told the outcome or the proposal runs out.</summary>
[Collection(ClusterCollection.Name)]
public class ScheduleProposalTests(ClusterFixture fixture)
{
    private readonly BookingScenario _citizens = new(fixture.Grains);

    /// <summary>The clinic-day's 10-minute FLU slots from 09:00, without those at <paramref name="removed"/>.</summary>
    private static ScheduleProposal Proposal(DateOnly date, int capacity, DateTimeOffset until, params DateTimeOffset[] removed) =>
        new(Guid.NewGuid(), Enumerable.Range(0, 6).Select(i => BookingScenario.At(date, 9, 10 * i)).Where(s => !removed.Contains(s))
            .Select(s => new ProposedSlot("FLU", s, s.AddMinutes(10), capacity)).ToList(), until);

    private async Task<int?> RemainingAsync(DateOnly date, DateTimeOffset start) =>
        (await _citizens.Day(BookingScenario.HauteVille, date).Availability("FLU")).Slots.Where(s => s.Start == start).Select(s => (int?)s.Remaining).FirstOrDefault();

    [Fact]
    public async Task A_proposal_that_would_strand_a_booking_is_refused_naming_it_and_changes_nothing()
    {
        var date = QuebecDate.NextWeekday(15);
        var nine = BookingScenario.At(date, 9);
        var booked = await _citizens.Booked(BookingScenario.HauteVille, date, "FLU", nine);

        var stranded = await _citizens.Day(BookingScenario.HauteVille, date).ProposeSchedule(Proposal(date, 3, TestClock.Now.AddMinutes(1), nine));

        var slot = Assert.Single(stranded);
        Assert.Equal((nine, 1, 0), (slot.Start, slot.Booked, slot.Capacity));
        Assert.Equal([booked.BookingId], slot.BookingIds);
        Assert.Equal(3, await RemainingAsync(date, nine.AddMinutes(10)));
    }

    [Fact]
    public async Task A_day_offers_only_what_both_schedules_allow_until_the_proposal_runs_out_then_reads_its_schedule_again()
    {
        var date = QuebecDate.NextWeekday(16);
        var (nine, nineTen) = (BookingScenario.At(date, 9), BookingScenario.At(date, 9, 10));
        var day = _citizens.Day(BookingScenario.HauteVille, date);

        Assert.Empty(await day.ProposeSchedule(Proposal(date, 5, TestClock.Now.AddSeconds(2), nineTen)));

        Assert.Equal(3, await RemainingAsync(date, nine));
        Assert.Null(await RemainingAsync(date, nineTen));
        Assert.IsType<HoldResult.NoSuchSlot>(await _citizens.Hold(BookingScenario.HauteVille, date, "FLU", nineTen));
        // Never told the outcome (a staff site that died): the day reads its committed schedule again by itself.
        await Poll.UntilAsync(async () => await RemainingAsync(date, nineTen) == 3, TimeSpan.FromSeconds(10), "09:10 to be offered again");
        Assert.Equal(3, await RemainingAsync(date, nine));
    }
}
