using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>Booking for a family in one go over real HTTP: seats side by side or in the next slots, all or nothing.</summary>
[Collection(PlatformCollection.Name)]
public class GroupBookingTests(PlatformFixture platform)
{
    private static readonly Guid Laval = new("10000000-0000-4000-8000-000000000004");
    private readonly CitizenApi _api = new(platform.Http);
    private static DateOnly Day => QuebecDate.NextWeekday(6);

    private async Task<HttpResponseMessage> HoldGroup(Guid location, string service, DateTimeOffset start, int people, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/holds/group") { Content = JsonContent.Create(new { locationId = location, service, start, people }) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return await platform.Http.SendAsync(request);
    }

    private async Task<JsonArray> Holds(Guid location, string service, DateTimeOffset start, int people, string? key = null)
    {
        var response = await HoldGroup(location, service, start, people, key);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await CitizenApi.Json(response))["holds"]!.AsArray();
    }

    private static int _families;

    /// <summary>A new family name each time: the minimum interval between two flu shots would refuse a person booked before.</summary>
    private static object Member(string firstName, string birthDate = "1980-05-01", IReadOnlyDictionary<string, bool>? screening = null,
        string[]? priorityGroups = null) =>
        new
        {
            firstName, lastName = $"Gagnon-{new string(Interlocked.Increment(ref _families).ToString(CultureInfo.InvariantCulture).Select(c => (char)('a' + c - '0')).ToArray())}",
            birthDate, screening = screening ?? CitizenApi.PassingAnswers, priorityGroups = priorityGroups ?? ["health-worker"],
        };

    private async Task<HttpResponseMessage> ConfirmGroup(IEnumerable<string> holdIds, IEnumerable<object> people, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/group-bookings")
        {
            Content = JsonContent.Create(new
            {
                holdIds, people, consent = true,
                contact = new { email = "famille.gagnon@example.org", emailConsent = true, phone = "514 555-0177", language = "fr" },
            }),
        };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return await platform.Http.SendAsync(request);
    }

    private static IEnumerable<string> Ids(JsonArray holds) => holds.Select(h => h!["holdId"]!.GetValue<string>());

    private static object[] Family(int size) => Enumerable.Range(0, size).Select(i => Member($"Enfant {(char)('a' + i)}")).ToArray();

    [Fact]
    public async Task A_family_sits_side_by_side_when_the_slot_has_room_and_is_booked_in_one_go()
    {
        var start = QuebecDate.At(Day, 16);

        var holds = await Holds(Laval, "FLU", start, 4);
        var response = await ConfirmGroup(Ids(holds), Family(4));

        Assert.All(holds, h => Assert.Equal(start, h!["start"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var codes = (await CitizenApi.Json(response))["bookings"]!.AsArray().Select(b => b!["confirmationCode"]!.GetValue<string>()).ToArray();
        Assert.Equal(4, codes.Distinct().Count());
        Assert.Equal(4L, await platform.Database.ScalarAsync<long>(
            "select count(*) from bookings where confirmation_code = any(@c) and status = 'confirmed'", ("c", codes)));
    }

    [Fact]
    public async Task A_family_larger_than_the_free_seats_spills_into_the_next_slot()
    {
        var start = QuebecDate.At(Day, 15);

        var holds = await Holds(CitizenApi.Plateau, "FLU", start, 5);

        Assert.Equal([start, start, start, start.AddMinutes(10), start.AddMinutes(10)],
            holds.Select(h => h!["start"]!.GetValue<DateTimeOffset>()));
    }

    [Fact]
    public async Task A_family_that_does_not_fit_is_refused_and_every_seat_taken_is_given_back()
    {
        var last = QuebecDate.At(Day, 11, 45);
        await _api.HoldId(CitizenApi.HauteVille, "BLOOD", last.AddMinutes(-30));
        await _api.HoldId(CitizenApi.HauteVille, "BLOOD", last.AddMinutes(-30));

        var response = await HoldGroup(CitizenApi.HauteVille, "BLOOD", last, 6);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("/problems/group-does-not-fit", (await CitizenApi.Json(response))["type"]!.GetValue<string>());
        Assert.Equal(2, (await Holds(CitizenApi.HauteVille, "BLOOD", last, 2)).Count);
    }

    [Fact]
    public async Task A_retried_group_hold_with_the_same_key_gets_the_same_seats()
    {
        var start = QuebecDate.At(Day, 16, 30);

        var first = await Holds(Laval, "FLU", start, 3, "group-hold-key");
        var retry = await Holds(Laval, "FLU", start, 3, "group-hold-key");

        Assert.Equal(Ids(first), Ids(retry));
    }

    [Fact]
    public async Task Each_person_gets_their_own_field_errors_and_nothing_is_booked()
    {
        var holds = await Holds(CitizenApi.Stade, "COVID19", QuebecDate.At(Day, 14), 3);
        var noFever = CitizenApi.Answers();
        noFever.Remove("fever");
        var people = new[]
        {
            Member("Anne", screening: noFever),
            Member("Paul", birthDate: "tomorrow"),
            Member("Zoé", birthDate: "1995-03-03", priorityGroups: []),
        };

        var response = await ConfirmGroup(Ids(holds), people);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CitizenApi.Json(response);
        Assert.Equal(["people[0].screening.fever", "people[1].birthDate"], problem["errors"]!.AsObject().Select(e => e.Key).Order());

        people[0] = Member("Anne");
        people[1] = Member("Paul");
        var eligibility = await CitizenApi.Json(await ConfirmGroup(Ids(holds), people));
        Assert.Equal("priority_group_not_open", eligibility["errorCodes"]!["people[2].priorityGroups"]![0]!.GetValue<string>());
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("select count(*) from bookings where hold_digest in (select sha256(convert_to(h, 'UTF8')) from unnest(@h) h)", ("h", Ids(holds).ToArray())));
    }

    [Fact]
    public async Task When_one_person_cannot_be_confirmed_the_others_are_cancelled_and_the_citizen_is_told()
    {
        var holds = await Holds(Laval, "FLU", QuebecDate.At(Day, 17), 3);
        var ids = Ids(holds).ToArray();
        await platform.Http.DeleteAsync($"/api/v1/holds/{ids[2]}");

        var response = await ConfirmGroup(ids, Family(3));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await CitizenApi.Json(response);
        Assert.Equal("/problems/group-not-confirmed", problem["type"]!.GetValue<string>());
        Assert.Equal(2, problem["person"]!.GetValue<int>());
        Assert.Equal("/problems/hold-not-found", problem["reason"]!.GetValue<string>());
        var cancelled = problem["cancelledCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        Assert.Equal(2, cancelled.Length);
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>(
            "select count(*) from bookings where hold_digest in (select sha256(convert_to(h, 'UTF8')) from unnest(@h) h) and status = 'confirmed'", ("h", ids)));
    }

    [Fact]
    public async Task A_retried_group_confirmation_with_the_same_key_gets_the_same_bookings()
    {
        var holds = await Holds(Laval, "FLU", QuebecDate.At(Day, 17, 30), 2);

        var family = Family(2);

        var first = await CitizenApi.Json(await ConfirmGroup(Ids(holds), family, "group-confirm-key"));
        var retry = await CitizenApi.Json(await ConfirmGroup(Ids(holds), family, "group-confirm-key"));
        var otherPeople = await ConfirmGroup(Ids(holds), Family(2), "group-confirm-key");

        Assert.Equal(first["bookings"]!.ToJsonString(), retry["bookings"]!.ToJsonString());
        // The same hold ids and key with other people is not a retry: it gets nothing of the family's bookings.
        Assert.Equal(HttpStatusCode.Conflict, otherPeople.StatusCode);
        Assert.DoesNotContain("manageToken", await otherPeople.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_hold_cannot_serve_two_people()
    {
        var holds = await Holds(Laval, "FLU", QuebecDate.At(Day, 18, 30), 2);
        var first = Ids(holds).First();

        var response = await ConfirmGroup([first, first], Family(2));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("duplicate_hold", (await CitizenApi.Json(response))["errorCodes"]!["holdIds"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task A_group_is_two_to_six_people(int people)
    {
        var response = await HoldGroup(Laval, "FLU", QuebecDate.At(Day, 18), people);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await CitizenApi.Json(response))["errors"]!["people"]);
    }
}
