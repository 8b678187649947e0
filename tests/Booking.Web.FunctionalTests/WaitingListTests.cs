using System.Net;
using System.Net.Http.Json;
using Booking.Data.Protection;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.FunctionalTests;

/// <summary>The waiting list through the public API and a real silo: a seat freed by a cancellation is held and offered
/// to the first person waiting; if they let it run out it goes to the next; the offer's link opens that offer only, and
/// taking it twice changes nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WaitingListTests(PlatformFixture platform)
{
    private static readonly string[] HealthWorker = ["health-worker"];

    private readonly CitizenApi _api = new(platform.Http);
    private WaitingListTokens Tokens => platform.WebServices.GetRequiredService<WaitingListTokens>();

    private async Task<HttpResponseMessage> Join(DateOnly day, string email, string? postalCode = "H2X1Y4") =>
        await platform.Http.PostAsJsonAsync("/api/v1/waiting-list", new
        {
            service = "FLU", postalCode, distanceKm = 3, from = $"{day:yyyy-MM-dd}", to = $"{day:yyyy-MM-dd}",
            contact = new { email, emailConsent = true, language = "fr" }, consent = true,
        });

    private Task<Guid> LatestEntry() => platform.Database.ScalarAsync<Guid>(
        "select id from waiting_list_entries where service_code = 'FLU' order by position desc limit 1");

    private async Task<Guid> OfferTo(Guid entry, string what)
    {
        const string latest = "select coalesce((select id from waiting_list_offers where entry_id = @e order by created_at desc limit 1), '00000000-0000-0000-0000-000000000000'::uuid)";
        await Poll.UntilAsync(async () => await platform.Database.ScalarAsync<Guid>(latest, ("e", entry)) != Guid.Empty, TimeSpan.FromSeconds(15), what);
        return await platform.Database.ScalarAsync<Guid>(latest, ("e", entry));
    }

    [Fact]
    public async Task Joining_with_a_wrong_postal_code_or_no_consent_is_a_validation_problem()
    {
        var response = await platform.Http.PostAsJsonAsync("/api/v1/waiting-list", new { service = "FLU", postalCode = "nope", contact = new { email = "x@example.org", emailConsent = true } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await CitizenApi.Json(response);
        Assert.NotNull(body["errors"]!["postalCode"]);
        Assert.NotNull(body["errors"]!["consent"]);
    }

    [Fact]
    public async Task A_cancelled_seat_goes_to_the_first_person_waiting_then_to_the_next_when_the_offer_runs_out()
    {
        var day = QuebecDate.NextWeekday(17);
        Assert.Equal(HttpStatusCode.Accepted, (await Join(day, "premiere@example.org")).StatusCode);
        var first = await LatestEntry();
        Assert.Equal(HttpStatusCode.Accepted, (await Join(day, "seconde@example.org")).StatusCode);
        var second = await LatestEntry();
        Assert.NotEqual(first, second);
        // Joining again answers the same and adds nobody.
        Assert.Equal(HttpStatusCode.Accepted, (await Join(day, "seconde@example.org")).StatusCode);
        Assert.Equal(second, await LatestEntry());
        var stored = await platform.Database.ScalarAsync<byte[]>("select contact_ciphertext from waiting_list_entries where id = @e", ("e", first));
        Assert.DoesNotContain("premiere", System.Text.Encoding.UTF8.GetString(stored));

        var booked = await _api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(day, 11));
        Assert.Equal(HttpStatusCode.OK, (await _api.Cancel(booked["confirmationCode"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>())).StatusCode);

        var offer = await OfferTo(first, "the first person's offer");
        Assert.Equal(0, await platform.Database.ScalarAsync<long>("select count(*) from waiting_list_offers where entry_id = @e", ("e", second)));
        var shown = await CitizenApi.Json(await platform.Http.GetAsync($"/api/v1/waiting-list/offers/{offer}?token={Tokens.ForOffer(offer)}"));
        Assert.Equal("offered", shown["status"]!.GetValue<string>());

        using (platform.SiloClock.Ahead(TimeSpan.FromMinutes(31)))
        {
            var next = await OfferTo(second, "the next person's offer once the first ran out");
            Assert.NotEqual(offer, next);
        }
    }

    [Fact]
    public async Task Declining_an_offer_gives_the_seat_to_the_next_person_at_once_and_keeps_the_place()
    {
        var day = QuebecDate.NextWeekday(20);
        Assert.Equal(HttpStatusCode.Accepted, (await Join(day, "refus@example.org")).StatusCode);
        var first = await LatestEntry();
        Assert.Equal(HttpStatusCode.Accepted, (await Join(day, "suivant@example.org")).StatusCode);
        var second = await LatestEntry();
        var booked = await _api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(day, 11));
        await _api.Cancel(booked["confirmationCode"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>());
        var offer = await OfferTo(first, "the first person's offer");

        var decline = $"/api/v1/waiting-list/offers/{offer}/decline?token={Tokens.ForOffer(offer)}";
        Assert.Equal(HttpStatusCode.NoContent, (await platform.Http.PostAsync(decline, null)).StatusCode);
        await OfferTo(second, "the next person's offer once the first declined");

        Assert.Equal(HttpStatusCode.NoContent, (await platform.Http.PostAsync(decline, null)).StatusCode);
        var shown = await CitizenApi.Json(await platform.Http.GetAsync($"/api/v1/waiting-list/offers/{offer}?token={Tokens.ForOffer(offer)}"));
        Assert.Equal("declined", shown["status"]!.GetValue<string>());
        var late = await platform.Http.PostAsJsonAsync($"/api/v1/waiting-list/offers/{offer}/accept?token={Tokens.ForOffer(offer)}",
            new { citizen = CitizenApi.NewCitizen(), consent = true, screening = CitizenApi.PassingAnswers, priorityGroups = HealthWorker });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("waiting", await platform.Database.ScalarAsync<string>("select status from waiting_list_entries where id = @e", ("e", first)));
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Http.PostAsync($"/api/v1/waiting-list/offers/{offer}/decline?token={Tokens.ForPlace(first)}", null)).StatusCode);
    }

    [Fact]
    public async Task Seats_freed_at_once_are_offered_once_each_in_order_and_nobody_holds_two_offers()
    {
        // A day of its own, within the 30 days the demo schedules cover whatever today's weekday.
        var day = QuebecDate.NextWeekday(16);
        var people = new List<Guid>();
        foreach (var name in new[] { "une", "deux", "trois", "quatre" })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Join(day, $"{name}@example.org")).StatusCode);
            people.Add(await LatestEntry());
        }
        var booked = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => _api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(day, 10 + i))));

        // Three cancellations at once: the clinic-day frees three seats while its offers are under way.
        var cancelled = await Task.WhenAll(booked.Select(b => _api.Cancel(b["confirmationCode"]!.GetValue<string>(), b["manageToken"]!.GetValue<string>())));
        Assert.All(cancelled, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));

        const string open = "select count(*) from waiting_list_offers where entry_id = any(@people) and status = 'offered'";
        await Poll.UntilAsync(async () => await platform.Database.ScalarAsync<long>(open, ("people", people.ToArray())) == 3, TimeSpan.FromSeconds(15),
            "one offer per seat freed");
        foreach (var (person, expected) in people.Zip(new long[] { 1, 1, 1, 0 }))
            Assert.Equal(expected, await platform.Database.ScalarAsync<long>("select count(*) from waiting_list_offers where entry_id = @e", ("e", person)));
        Assert.Equal(3, await platform.Database.ScalarAsync<long>(
            "select count(distinct hold_id) from waiting_list_offers where entry_id = any(@people)", ("people", people.ToArray())));

        // The fourth person is offered a seat only when someone declines one.
        var declined = await OfferTo(people[1], "the second person's offer");
        Assert.Equal(HttpStatusCode.NoContent,
            (await platform.Http.PostAsync($"/api/v1/waiting-list/offers/{declined}/decline?token={Tokens.ForOffer(declined)}", null)).StatusCode);
        await OfferTo(people[3], "the fourth person's offer once one was declined");
        Assert.Equal(3, await platform.Database.ScalarAsync<long>(open, ("people", people.ToArray())));
    }

    [Fact]
    public async Task An_offer_opens_with_its_own_link_only_and_taking_it_twice_changes_nothing()
    {
        var day = QuebecDate.NextWeekday(18);
        Assert.Equal(HttpStatusCode.Accepted, (await Join(day, "preneur@example.org")).StatusCode);
        var entry = await LatestEntry();
        var booked = await _api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(day, 11));
        await _api.Cancel(booked["confirmationCode"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>());
        var offer = await OfferTo(entry, "the offer");
        var other = Guid.NewGuid();

        // Someone else's offer id with this link's token, this offer with another's token, or no token: nothing.
        foreach (var url in new[] { $"/api/v1/waiting-list/offers/{other}?token={Tokens.ForOffer(offer)}", $"/api/v1/waiting-list/offers/{offer}?token={Tokens.ForOffer(other)}",
                     $"/api/v1/waiting-list/offers/{offer}", $"/api/v1/waiting-list/offers/{offer}?token={Tokens.ForPlace(entry)}" })
            Assert.Equal(HttpStatusCode.NotFound, (await platform.Http.GetAsync(url)).StatusCode);

        var accept = $"/api/v1/waiting-list/offers/{offer}/accept?token={Tokens.ForOffer(offer)}";
        var body = new { citizen = CitizenApi.NewCitizen(), consent = true, screening = CitizenApi.PassingAnswers, priorityGroups = new[] { "health-worker" } };
        var taken = await platform.Http.PostAsJsonAsync(accept, body);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var again = await platform.Http.PostAsJsonAsync(accept, body);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("/problems/waiting-list-offer-over", (await CitizenApi.Json(again))["type"]!.GetValue<string>());
        Assert.Equal(1, await platform.Database.ScalarAsync<long>(
            "select count(*) from bookings b join waiting_list_offers o on o.booking_id = b.id where o.id = @o and b.status = 'confirmed'", ("o", offer)));
        Assert.Equal("booked", await platform.Database.ScalarAsync<string>("select status from waiting_list_entries where id = @e", ("e", entry)));
    }

    [Fact]
    public async Task Leaving_needs_the_places_own_link()
    {
        var day = QuebecDate.NextWeekday(19);
        Assert.Equal(HttpStatusCode.Accepted, (await Join(day, "partante@example.org")).StatusCode);
        var entry = await LatestEntry();

        Assert.Equal(HttpStatusCode.NotFound, (await platform.Http.PostAsync($"/api/v1/waiting-list/places/{entry}/leave?token={Tokens.ForOffer(entry)}", null)).StatusCode);
        Assert.Equal("waiting", await platform.Database.ScalarAsync<string>("select status from waiting_list_entries where id = @e", ("e", entry)));
        Assert.Equal(HttpStatusCode.NoContent, (await platform.Http.PostAsync($"/api/v1/waiting-list/places/{entry}/leave?token={Tokens.ForPlace(entry)}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.Http.PostAsync($"/api/v1/waiting-list/places/{entry}/leave?token={Tokens.ForPlace(entry)}", null)).StatusCode);
        Assert.Equal("left", await platform.Database.ScalarAsync<string>("select status from waiting_list_entries where id = @e", ("e", entry)));
    }
}
