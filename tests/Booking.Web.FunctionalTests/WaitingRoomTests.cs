using System.Net;
using System.Net.Http.Json;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>The waiting room in front of COVID-19 holds, over real HTTP with cookies, on a web host where it is enabled
/// at one admission a minute (so only the first visitor of the test gets in). Each test has a room of its own.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WaitingRoomTests : IDisposable
{
    private readonly string _room = $"room-{Guid.NewGuid():N}"[..20];
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host;

    public WaitingRoomTests(PlatformFixture platform) => _host = platform.WebHostWith(new Dictionary<string, string?>
    {
        [$"WaitingRoom:Rooms:{_room}:Enabled"] = "true",
        [$"WaitingRoom:Rooms:{_room}:AdmissionsPerMinute"] = "1",
        [$"WaitingRoom:Rooms:{_room}:Services:0"] = "COVID19",
        ["WaitingRoom:LongestPollSeconds"] = "20",
    });

    public void Dispose() => _host.Dispose();

    private static Task<HttpResponseMessage> Hold(HttpClient visitor, int minute) => visitor.PostAsJsonAsync("/api/v1/holds",
        new { locationId = CitizenApi.Stade, service = "COVID19", start = QuebecDate.At(QuebecDate.NextWeekday(7), 12, minute) });

    private async Task<System.Text.Json.Nodes.JsonNode> Status(HttpClient visitor) =>
        await CitizenApi.Json(await visitor.GetAsync($"/api/v1/waiting-rooms/{_room}/status"));

    [Fact]
    public async Task Only_admitted_visitors_hold_and_the_others_keep_their_place_across_refreshes()
    {
        var first = _host.CreateClient();
        var second = _host.CreateClient();

        var refused = await Hold(first, 0);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await CitizenApi.Json(refused);
        Assert.Equal("/problems/waiting-room-required", problem["type"]!.GetValue<string>());
        Assert.Equal($"/api/v1/waiting-rooms/{_room}/status", problem["queue"]!.GetValue<string>());

        Assert.True((await Status(first))["admitted"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Created, (await Hold(first, 0)).StatusCode);

        var waiting = await Status(second);
        var refreshed = await Status(second);
        Assert.False(waiting["admitted"]!.GetValue<bool>());
        Assert.Equal(1, waiting["position"]!.GetValue<long>());
        Assert.Equal(waiting["position"]!.GetValue<long>(), refreshed["position"]!.GetValue<long>());
        Assert.True(refreshed["estimatedWaitSeconds"]!.GetValue<int>() > 0);
        Assert.Equal(HttpStatusCode.Forbidden, (await Hold(second, 10)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().GetAsync("/api/v1/availability?service=FLU&postalCode=H2X1Y4")).StatusCode);
    }

    [Fact]
    public async Task Each_visitor_is_told_when_to_ask_again_less_often_further_back_and_never_later_than_the_longest_interval()
    {
        var admitted = await Status(_host.CreateClient());
        var next = await Status(_host.CreateClient());
        var behind = await Status(_host.CreateClient());
        var further = await Status(_host.CreateClient());

        Assert.True(admitted["admitted"]!.GetValue<bool>());
        Assert.Equal(0, admitted["pollAfterSeconds"]!.GetValue<int>());
        // One admission a minute: the next visitor waits up to a minute, those behind more than one, so the longest interval.
        Assert.InRange(next["pollAfterSeconds"]!.GetValue<int>(), 3, 20);
        Assert.Equal(20, behind["pollAfterSeconds"]!.GetValue<int>());
        Assert.Equal(20, further["pollAfterSeconds"]!.GetValue<int>());
        Assert.Equal([1L, 2L, 3L], new[] { next, behind, further }.Select(s => s["position"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_forged_ticket_or_pass_gets_no_advantage()
    {
        Assert.True((await Status(_host.CreateClient()))["admitted"]!.GetValue<bool>());
        var visitor = _host.CreateClient();
        visitor.DefaultRequestHeaders.Add("X-Waiting-Room-Ticket", $"t.{_room}.1.1.AAAAAAAAAAAAAAAAAAAAAA");
        visitor.DefaultRequestHeaders.Add("X-Waiting-Room-Pass", $"p.{_room}.99999999999.AAAAAAAAAAAAAAAAAAAAAA");

        var status = await Status(visitor);

        Assert.False(status["admitted"]!.GetValue<bool>());
        Assert.Equal(1, status["position"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Forbidden, (await Hold(visitor, 20)).StatusCode);
    }

    [Fact]
    public async Task One_admission_gives_one_pass_and_that_pass_serves_a_few_holds_whoever_sends_it()
    {
        var admitted = _host.CreateClient();
        var pass = (await Status(admitted))["passToken"]!.GetValue<string>();
        var polledAgain = (await Status(admitted))["passToken"]!.GetValue<string>();

        var holds = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var stranger = _host.CreateClient();
            stranger.DefaultRequestHeaders.Add("X-Waiting-Room-Pass", pass);
            return await stranger.PostAsJsonAsync("/api/v1/holds", new
            {
                locationId = CitizenApi.Stade, service = "COVID19", start = QuebecDate.At(QuebecDate.NextWeekday(12), 12 + i / 6, i % 6 * 10),
            });
        }));

        Assert.Equal(pass, polledAgain);
        Assert.Equal(3, holds.Count(h => h.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, holds.Count(h => h.StatusCode == HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task An_unknown_room_is_a_404_problem()
    {
        var response = await _host.CreateClient().GetAsync("/api/v1/waiting-rooms/nope/status");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/waiting-room-not-found", (await CitizenApi.Json(response))["type"]!.GetValue<string>());
    }
}
