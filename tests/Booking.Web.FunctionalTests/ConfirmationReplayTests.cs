using System.Net;
using System.Text.Json.Nodes;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>A hold id is seen in the site's addresses: once confirmed, it must open nothing for whoever presents it again.</summary>
[Collection(PlatformCollection.Name)]
public class ConfirmationReplayTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    [Fact]
    public async Task A_confirmed_hold_answers_anyone_but_the_exact_retry_like_a_hold_that_never_existed()
    {
        var date = QuebecDate.NextWeekday(11);
        var holdId = await _api.HoldId(CitizenApi.Plateau, "FLU", QuebecDate.At(date, 11));
        var owner = CitizenApi.NewCitizen();
        var confirmed = await _api.Confirm(holdId, owner, "owner-key");
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var neverHeld = $"{CitizenApi.Plateau:N}.{date:yyyyMMdd}.FLU.{new string('b', 24)}";

        var replays = new[]
        {
            await _api.Confirm(holdId, CitizenApi.NewCitizen()),
            await _api.Confirm(holdId, CitizenApi.NewCitizen(), "owner-key"),
            await _api.Confirm(holdId, owner, "another-key"),
            await _api.Confirm(holdId, owner),
        };
        var unknown = await _api.Confirm(neverHeld, CitizenApi.NewCitizen(), "yet-another-key");
        var retry = await _api.Confirm(holdId, owner, "owner-key");

        var expected = Problem(await CitizenApi.Json(unknown));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var replay in replays)
        {
            Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
            Assert.Equal(expected, Problem(await CitizenApi.Json(replay)));
        }
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await CitizenApi.Json(confirmed)).ToJsonString(), (await CitizenApi.Json(retry)).ToJsonString());
    }

    [Fact]
    public async Task The_database_keeps_no_hold_id_or_idempotency_key_in_a_form_that_can_be_replayed()
    {
        var holdId = await _api.HoldId(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(11), 11, 10));
        const string key = "stored-key-7f3c9a";
        Assert.Equal(HttpStatusCode.Created, (await _api.Confirm(holdId, CitizenApi.NewCitizen(), key)).StatusCode);

        foreach (var secret in new[] { holdId, holdId.Split('.')[^1], key })
            Assert.Equal(0L, await platform.Database.ScalarAsync<long>("""
                select count(*) from bookings b
                where row_to_json(b)::text like '%' || @s || '%' or row_to_json(b)::text like '%' || encode(convert_to(@s, 'UTF8'), 'hex') || '%'
                """, ("s", secret)));
    }

    private static string Problem(JsonNode problem) =>
        string.Join("|", problem["status"], problem["type"], problem["title"], problem["detail"]);
}
