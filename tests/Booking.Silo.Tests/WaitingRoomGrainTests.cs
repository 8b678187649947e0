using Booking.Contracts;
using Booking.Data.Protection;
using Booking.Grains.WaitingRooms;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>The waiting room's queue on the real two-silo cluster, and the signed tokens that carry a visitor's place.</summary>
[Collection(ClusterCollection.Name)]
public class WaitingRoomGrainTests(ClusterFixture cluster)
{
    // One a minute: within a test's few seconds, only the first visitor of a fresh room gets through.
    private const int Slow = 1;

    private IWaitingRoomGrain Room() => cluster.Grains.GetGrain<IWaitingRoomGrain>($"room-{Guid.NewGuid():N}");

    [Fact]
    public async Task Visitors_get_increasing_tickets_and_queue_in_arrival_order()
    {
        var room = Room();

        var entered = new List<QueueStanding>();
        for (var i = 0; i < 6; i++)
            entered.Add(await room.Enter(Slow));

        Assert.Equal(Enumerable.Range(1, 6).Select(n => (long)n), entered.Select(e => e.Ticket.Number));
        Assert.True(entered[0].Admitted);
        Assert.All(entered.Skip(1), e => Assert.False(e.Admitted));
        Assert.Equal([1L, 2, 3, 4, 5], entered.Skip(1).Select(e => e.Position));
        Assert.True(entered.Skip(1).Zip(entered.Skip(2)).All(p => p.First.EstimatedWaitSeconds < p.Second.EstimatedWaitSeconds));
    }

    [Fact]
    public async Task The_rate_is_respected_under_a_burst_of_concurrent_arrivals()
    {
        var room = Room();

        var entered = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => room.Enter(Slow)));

        Assert.Single(entered, e => e.Admitted);
        Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), entered.Select(e => e.Ticket.Number).Order());
        Assert.Equal(Enumerable.Range(1, 49).Select(n => (long)n), entered.Where(e => !e.Admitted).Select(e => e.Position).Order());
    }

    [Fact]
    public async Task Asking_again_with_the_ticket_keeps_the_place_and_hands_out_no_new_ticket()
    {
        var room = Room();
        await room.Enter(Slow);
        var second = await room.Enter(Slow);

        var refreshed = await room.Standing(second.Ticket, Slow);
        var third = await room.Enter(Slow);

        Assert.Equal(second.Ticket, refreshed!.Ticket);
        Assert.Equal(second.Position, refreshed.Position);
        Assert.Equal(3, third.Ticket.Number);
    }

    [Fact]
    public async Task A_quiet_room_lets_visitors_straight_through()
    {
        var room = Room();

        var entered = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => room.Enter(admissionsPerMinute: 6000)));

        Assert.All(entered, e => Assert.True(e.Admitted));
    }

    [Fact]
    public async Task A_ticket_the_room_never_issued_has_no_standing()
    {
        var room = Room();
        var first = await room.Enter(Slow);

        Assert.Null(await room.Standing(first.Ticket with { Number = 99 }, Slow));
        Assert.Null(await room.Standing(first.Ticket with { Epoch = first.Ticket.Epoch - 1 }, Slow));
    }

    [Fact]
    public async Task A_forged_or_altered_token_is_refused_and_a_genuine_one_is_read_back()
    {
        var tokens = new WaitingRoomTokens(KeyRing.Generate("test"));
        var ticket = (await Room().Enter(Slow)).Ticket;
        var genuine = tokens.Ticket("covid", ticket);

        Assert.True(tokens.TryReadTicket("covid", genuine, out var read));
        Assert.Equal(ticket, read);
        var ahead = genuine.Replace($".{ticket.Number}.", ".0.");
        Assert.False(tokens.TryReadTicket("covid", ahead, out _));
        Assert.False(tokens.TryReadTicket("flu", genuine, out _));
        Assert.False(tokens.TryReadTicket("covid", new WaitingRoomTokens(KeyRing.Generate("other")).Ticket("covid", ticket), out _));
        Assert.False(tokens.TryReadTicket("covid", "t.covid.1.1.AAAAAAAAAAAAAAAAAAAAAA", out _));
        Assert.False(tokens.TryReadTicket("covid", null, out _));
    }

    [Fact]
    public void A_pass_is_valid_for_its_room_until_it_expires_and_cannot_be_extended_or_moved_to_another_ticket()
    {
        var tokens = new WaitingRoomTokens(KeyRing.Generate("test"));
        var now = DateTimeOffset.UtcNow;
        var expires = now.AddMinutes(20);
        var ticket = new WaitingTicket(7, 42);
        var pass = tokens.Pass("covid", ticket, expires);

        Assert.True(tokens.TryReadPass("covid", pass, now, out var boundTo));
        Assert.Equal(ticket, boundTo);
        Assert.False(tokens.TryReadPass("covid", pass, now.AddMinutes(21), out _));
        Assert.False(tokens.TryReadPass("flu", pass, now, out _));
        var extended = pass.Replace($".{expires.ToUnixTimeSeconds()}.", $".{expires.AddDays(1).ToUnixTimeSeconds()}.");
        Assert.False(tokens.TryReadPass("covid", extended, now.AddMinutes(21), out _));
        Assert.False(tokens.TryReadPass("covid", pass.Replace(".42.", ".43."), now, out _));
        Assert.False(tokens.TryReadPass("covid", tokens.Ticket("covid", new WaitingTicket(1, 1)), now, out _));
    }

    [Fact]
    public async Task An_admitted_ticket_keeps_one_pass_start_and_its_pass_serves_a_bounded_number_of_holds()
    {
        var room = Room();
        var admitted = await room.Enter(Slow);
        var waiting = await room.Enter(Slow);

        var again = await room.Standing(admitted.Ticket, Slow);

        Assert.Equal(admitted.AdmittedAt, again!.AdmittedAt);
        Assert.False(await room.UsePass(waiting.Ticket, 3, TimeSpan.FromMinutes(20)));
        var firstFour = await Uses(4);
        await room.ReturnPassUse(admitted.Ticket);
        var afterOneReturned = await Uses(2);

        Assert.Equal([true, true, true, false], firstFour);
        Assert.Equal([true, false], afterOneReturned);
        Assert.False(await room.UsePass(admitted.Ticket with { Epoch = admitted.Ticket.Epoch + 1 }, 3, TimeSpan.FromMinutes(20)));

        async Task<bool[]> Uses(int count)
        {
            var uses = new bool[count];
            for (var i = 0; i < count; i++)
                uses[i] = await room.UsePass(admitted.Ticket, 3, TimeSpan.FromMinutes(20));
            return uses;
        }
    }

    [Fact]
    public async Task A_rooms_day_is_saved_for_the_ministry_with_its_arrivals_admissions_peak_and_waits()
    {
        var name = $"room-{Guid.NewGuid():N}";
        var room = cluster.Grains.GetGrain<IWaitingRoomGrain>(name);
        var entered = new List<QueueStanding>();
        var moves = new List<IDisposable>();
        try
        {
            // The room's minutes below must fall on one Québec day: two days' medians make no median of both.
            var untilMidnight = QuebecDate.At(QuebecDate.Of(TestClock.Now).AddDays(1), 0) - TestClock.Now;
            if (untilMidnight < TimeSpan.FromMinutes(10))
                moves.Add(cluster.SilosAhead(untilMidnight + TimeSpan.FromMinutes(1)));
            for (var i = 0; i < 8; i++)
                entered.Add(await room.Enter(Slow));

            // One a minute: the first goes straight through, then a minute later one more each time the queue moves.
            for (var minute = 1; minute <= 7; minute++)
            {
                moves.Add(cluster.SilosAhead(TimeSpan.FromMinutes(1)));
                await room.Standing(entered[^1].Ticket, Slow);
            }
        }
        finally
        {
            moves.ForEach(move => move.Dispose());
        }

        // Saved every few seconds, off the visitors' path.
        const string figures = """
            select sum(arrivals) || '|' || sum(admitted) || '|' || max(peak_waiting) || '|' || sum(passes_collected)
            from waiting_room_days where room = @room
            """;
        await Poll.UntilAsync(async () => await cluster.Database.ScalarAsync<string?>($"select coalesce(({figures}), '')", ("room", name)) == "8|8|7|2",
            TimeSpan.FromSeconds(30), "the room's day to be saved with 8 arrivals, 8 admitted, a peak of 7 and 2 passes collected");
        // Waits of 0, 1, … 7 minutes (and the milliseconds the calls took): the longest is 7 minutes, the median 3.
        var waits = await cluster.Database.ScalarAsync<string>(
            "select max(max_wait_seconds) || '|' || max(median_wait_seconds) from waiting_room_days where room = @room", ("room", name));
        Assert.Matches(@"^42\d\|18\d$", waits);
    }
}
