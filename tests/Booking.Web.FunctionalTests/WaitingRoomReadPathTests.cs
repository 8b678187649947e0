extern alias silo;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Booking.Contracts;
using Booking.Data.Protection;
using Booking.Grains.WaitingRooms;
using Booking.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Core.Internal;
using silo::Booking.Silo.WaitingRooms;

namespace Booking.Web.FunctionalTests;

/// <summary>
/// Polls of visitors still waiting are answered by the web host from the room's watermark, over real HTTP against the
/// room's grain on the test silo. The room admits one visitor a minute and the host keeps a watermark ten minutes, so
/// time moves only when a test moves a clock: the host's alone (its watermark projects further than the room went), or
/// both together (the room admits). The calls reaching the room are counted from its metric.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WaitingRoomReadPathTests : IDisposable
{
    private readonly string _room = $"room-{Guid.NewGuid():N}"[..20];
    private readonly PlatformFixture _platform;
    private readonly MovableClock _webClock = new();
    private readonly WebApplicationFactory<Program> _host;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _calls = new();

    public WaitingRoomReadPathTests(PlatformFixture platform)
    {
        _platform = platform;
        _host = platform.WebHostWith(new Dictionary<string, string?>
        {
            [$"WaitingRoom:Rooms:{_room}:Enabled"] = "true",
            [$"WaitingRoom:Rooms:{_room}:AdmissionsPerMinute"] = "1",
            [$"WaitingRoom:Rooms:{_room}:Services:0"] = "COVID19",
            ["WaitingRoom:WatermarkRefreshMilliseconds"] = "600000",
        }, web => web.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_webClock))));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == WaitingRoomMetrics.CallsInstrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, calls, tags, _) =>
        {
            if (Tag(tags, "room") == _room && Tag(tags, "method") is { } method)
                _calls.AddOrUpdate(method, calls, (_, n) => n + calls);
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _host.Dispose();
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
            if (tag.Key == key)
                return tag.Value as string;
        return null;
    }

    private long CallsTo(string method) => _calls.GetValueOrDefault(method);

    private IWaitingRoomGrain Room => _host.Services.GetRequiredService<IClusterClient>().GetGrain<IWaitingRoomGrain>(_room);

    private async Task<JsonNode> Status(HttpClient visitor) => await CitizenApi.Json(await visitor.GetAsync($"/api/v1/waiting-rooms/{_room}/status"));

    private static long Position(JsonNode status) => status["position"]!.GetValue<long>();

    private static bool Admitted(JsonNode status) => status["admitted"]!.GetValue<bool>();

    private WaitingTicket Ticket(JsonNode status) =>
        _host.Services.GetRequiredService<WaitingRoomTokens>().TryReadTicket(_room, status["ticketToken"]!.GetValue<string>(), out var ticket)
            ? ticket : throw new InvalidOperationException("The status carries no ticket of the room.");

    /// <summary>The first visitor takes the one admission the room has banked; the next ones enter and poll once (the host
    /// takes its watermark), waiting at positions 1, 2, …</summary>
    private async Task<List<HttpClient>> WaitingVisitorsAsync(int count)
    {
        Assert.True(Admitted(await Status(_host.CreateClient())));
        var visitors = Enumerable.Range(0, count).Select(_ => _host.CreateClient()).ToList();
        foreach (var (visitor, position) in visitors.Select((v, i) => (v, i + 1L)))
        {
            Assert.Equal(position, Position(await Status(visitor)));
            Assert.Equal(position, Position(await Status(visitor)));
        }
        return visitors;
    }

    [Fact]
    public async Task Polls_of_a_waiting_visitor_do_not_each_reach_the_room()
    {
        var visitor = (await WaitingVisitorsAsync(1)).Single();
        var (standings, watermarks) = (CallsTo(nameof(IWaitingRoomGrain.Standing)), CallsTo(nameof(IWaitingRoomGrain.Watermark)));

        var polls = new List<JsonNode>();
        for (var i = 0; i < 20; i++)
            polls.Add(await Status(visitor));

        Assert.All(polls, poll => Assert.Equal((false, 1L), (Admitted(poll), Position(poll))));
        Assert.Equal(standings, CallsTo(nameof(IWaitingRoomGrain.Standing)));
        Assert.True(CallsTo(nameof(IWaitingRoomGrain.Watermark)) - watermarks < polls.Count);
    }

    [Fact]
    public async Task A_host_whose_watermark_runs_ahead_of_the_room_admits_nobody_the_room_has_not()
    {
        var visitors = await WaitingVisitorsAsync(3);
        var standings = CallsTo(nameof(IWaitingRoomGrain.Standing));

        // Five minutes on the host's clock: its watermark says the room may have admitted all three; the room, whose
        // clock has not moved, has admitted none.
        List<JsonNode> answers;
        using (_webClock.Ahead(TimeSpan.FromMinutes(5)))
            answers = [.. await Task.WhenAll(visitors.Select(Status))];

        Assert.All(answers, answer => Assert.False(Admitted(answer)));
        Assert.Equal(new long[] { 1, 2, 3 }, answers.Select(Position));
        Assert.Equal(standings + 3, CallsTo(nameof(IWaitingRoomGrain.Standing)));
    }

    [Fact]
    public async Task Visitors_are_admitted_in_ticket_order_and_only_when_the_room_admitted_them()
    {
        var visitors = await WaitingVisitorsAsync(3);

        for (var minutes = 1; minutes <= 3; minutes++)
        {
            // A minute and a second for the room and the host together: the room admits one more.
            List<JsonNode> answers;
            using (MovableClock.Ahead([_platform.SiloClock, _webClock], TimeSpan.FromSeconds(61 * minutes)))
            {
                answers = [];
                foreach (var visitor in Enumerable.Reverse(visitors))
                    answers.Insert(0, await Status(visitor));
                foreach (var admitted in answers.Where(Admitted))
                    Assert.True((await Room.Standing(Ticket(admitted), 1))!.Admitted);
            }

            Assert.Equal(visitors.Select((_, i) => i < minutes), answers.Select(Admitted));
            Assert.Equal(Enumerable.Range(1, visitors.Count - minutes).Select(p => (long)p), answers.Where(a => !Admitted(a)).Select(Position));
        }
    }

    [Fact]
    public async Task After_the_room_is_reactivated_from_its_save_waiting_visitors_keep_their_positions()
    {
        var visitors = await WaitingVisitorsAsync(3);
        await SavedAsync();

        await Room.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        // Past the host's refresh: the next poll takes the reactivated room's watermark instead of the one from before.
        using (_webClock.Ahead(TimeSpan.FromMinutes(11)))
        {
            var answers = await Task.WhenAll(visitors.Select(Status));
            var room = await Task.WhenAll(answers.Select(a => Room.Standing(Ticket(a), 1)));
            var newcomer = await Status(_host.CreateClient());

            Assert.Equal(new long[] { 1, 2, 3 }, answers.Select(Position));
            Assert.Equal(room.Select(r => (r!.Admitted, r.Position)), answers.Select(a => (Admitted(a), Position(a))));
            // Numbering resumes past the save (by at least 20), which shows the room was indeed activated again.
            Assert.True(Position(newcomer) > 20, $"the newcomer is at position {Position(newcomer)}");
        }
    }

    [Fact]
    public async Task After_the_room_restarts_without_its_save_old_tickets_get_places_in_the_new_queue_in_their_order()
    {
        var visitors = await WaitingVisitorsAsync(2);
        var oldTickets = (await Task.WhenAll(visitors.Select(Status))).Select(Ticket).ToList();
        await SavedAsync();
        await using (var forget = _platform.Database.DataSource.CreateCommand(
            "delete from orleans_storage where grain_id_extension like '%' || @name || '%'"))
        {
            forget.Parameters.AddWithValue("name", _room);
            await forget.ExecuteNonQueryAsync();
        }

        await Room.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        using (_webClock.Ahead(TimeSpan.FromMinutes(11)))
        {
            var answers = new List<JsonNode>();
            foreach (var visitor in visitors)
                answers.Add(await Status(visitor));
            var tickets = answers.Select(Ticket).ToList();
            var room = await Task.WhenAll(tickets.Select(t => Room.Standing(t, 1)));

            Assert.All(tickets.Zip(oldTickets), t => Assert.NotEqual(t.Second.Epoch, t.First.Epoch));
            Assert.Equal(room.Select(r => (r!.Admitted, r.Position)), answers.Select(a => (Admitted(a), Position(a))));
            Assert.True(tickets[0].Number < tickets[1].Number);
        }
    }

    private Task SavedAsync() => Poll.UntilAsync(async () => await _platform.Database.ScalarAsync<long>(
            "select count(*) from orleans_storage where grain_id_extension like '%' || @name || '%' and payload is not null", ("name", _room)) > 0,
        TimeSpan.FromSeconds(10), "the room's first save");
}
