using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>Every user mistake gets a clear problem (RFC 7807) and changes nothing; none of them is a 500.</summary>
[Collection(PlatformCollection.Name)]
public class BookingErrorTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(type, (await CitizenApi.Json(response))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Holding_a_full_slot_is_a_409()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(5), 9, 15);
        await _api.HoldId(CitizenApi.HauteVille, "BLOOD", start);
        await _api.HoldId(CitizenApi.HauteVille, "BLOOD", start);

        await AssertProblem(await _api.Hold(CitizenApi.HauteVille, "BLOOD", start), HttpStatusCode.Conflict, "/problems/slot-full");
    }

    [Fact]
    public async Task Holding_a_time_the_clinic_does_not_offer_is_a_404()
    {
        var offHours = QuebecDate.At(QuebecDate.NextWeekday(5), 23, 50);
        var notOnTheGrid = QuebecDate.At(QuebecDate.NextWeekday(5), 9, 7);

        await AssertProblem(await _api.Hold(CitizenApi.Plateau, "FLU", offHours), HttpStatusCode.NotFound, "/problems/slot-not-found");
        await AssertProblem(await _api.Hold(CitizenApi.Plateau, "FLU", notOnTheGrid), HttpStatusCode.NotFound, "/problems/slot-not-found");
        await AssertProblem(await _api.Hold(CitizenApi.Plateau, "COVID19", QuebecDate.At(QuebecDate.NextWeekday(5), 9)), HttpStatusCode.NotFound, "/problems/slot-not-found");
    }

    [Fact]
    public async Task Holding_at_an_unknown_clinic_is_a_404()
    {
        await AssertProblem(await _api.Hold(Guid.NewGuid(), "FLU", QuebecDate.At(QuebecDate.NextWeekday(5), 9)), HttpStatusCode.NotFound, "/problems/location-not-found");
    }

    [Fact]
    public async Task A_hold_with_missing_fields_names_each_of_them()
    {
        var response = await platform.Http.PostAsJsonAsync("/api/v1/holds", new { });

        await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
        var errors = (await CitizenApi.Json(await platform.Http.PostAsJsonAsync("/api/v1/holds", new { }))!)["errors"]!;
        Assert.NotNull(errors["locationId"]);
        Assert.NotNull(errors["service"]);
        Assert.NotNull(errors["start"]);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"locationId\": \"not-a-guid\", \"service\": \"FLU\", \"start\": \"2030-01-01T09:00:00-05:00\"}")]
    [InlineData("{\"locationId\": \"10000000-0000-4000-8000-000000000003\", \"service\": \"FLU\", \"start\": \"next tuesday\"}")]
    public async Task An_unreadable_body_is_a_400_problem(string body)
    {
        var response = await platform.Http.PostAsync("/api/v1/holds", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/malformed-request");
    }

    [Fact]
    public async Task A_body_in_an_unknown_charset_is_a_415_problem_and_a_quoted_known_one_is_read()
    {
        static HttpContent Json(string charset) => new StringContent("{ \"people\": 0 }", new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = charset });

        var unknown = await platform.Http.PostAsync("/api/v1/holds/group", Json("bogus"));
        var quoted = await platform.Http.PostAsync("/api/v1/holds/group", Json("\"utf-8\""));

        await AssertProblem(unknown, HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-charset");
        await AssertProblem(quoted, HttpStatusCode.BadRequest, "/problems/validation");
    }

    [Fact]
    public async Task Confirming_an_unknown_or_malformed_hold_is_a_404()
    {
        var wellFormedButUnknown = $"{CitizenApi.Plateau:N}.{QuebecDate.NextWeekday(5):yyyyMMdd}.FLU.{new string('a', 24)}";

        await AssertProblem(await _api.Confirm(wellFormedButUnknown), HttpStatusCode.NotFound, "/problems/hold-not-found");
        await AssertProblem(await _api.Confirm("nonsense"), HttpStatusCode.NotFound, "/problems/hold-not-found");
    }

    [Fact]
    public async Task A_time_or_a_hold_id_beyond_the_booking_window_is_not_found()
    {
        var lastDayOfTheCalendar = $"{CitizenApi.Plateau:N}.99991231.FLU.{new string('a', 24)}";

        await AssertProblem(await _api.Hold(CitizenApi.Stade, "COVID19", DateTimeOffset.Parse("9999-12-31T23:59:59+14:00", CultureInfo.InvariantCulture)),
            HttpStatusCode.NotFound, "/problems/slot-not-found");
        await AssertProblem(await platform.Http.DeleteAsync($"/api/v1/holds/{lastDayOfTheCalendar}"), HttpStatusCode.NotFound, "/problems/hold-not-found");
        await AssertProblem(await _api.Confirm(lastDayOfTheCalendar), HttpStatusCode.NotFound, "/problems/hold-not-found");
    }

    [Fact]
    public async Task Confirming_without_consent_or_with_bad_details_lists_every_field_and_keeps_the_hold()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(5), 10);
        var holdId = await _api.HoldId(CitizenApi.Plateau, "FLU", start);
        var bad = new { firstName = "", lastName = "Roy<script>", birthDate = "2999-01-01", healthCardNumber = "123", email = "not-an-email", phone = "12", language = "de", postalCode = "H2" };

        var response = await _api.Confirm(holdId, bad, consent: false);

        await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
        var problem = await CitizenApi.Json(await _api.Confirm(holdId, bad, consent: false));
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(
            ["citizen.birthDate", "citizen.email", "citizen.emailConsent", "citizen.firstName", "citizen.healthCardNumber", "citizen.language", "citizen.lastName", "citizen.phone", "citizen.postalCode", "consent"],
            errors.Select(e => e.Key).Order());
        var codes = problem["errorCodes"]!;
        Assert.Equal("not_plausible", codes["citizen.birthDate"]![0]!.GetValue<string>());
        Assert.Equal("invalid_phone", codes["citizen.phone"]![0]!.GetValue<string>());
        Assert.Equal("invalid_postal_code", codes["citizen.postalCode"]![0]!.GetValue<string>());
        Assert.Equal("required", codes["citizen.firstName"]![0]!.GetValue<string>());
        Assert.Equal("consent_required", codes["consent"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await _api.Confirm(holdId)).StatusCode);
    }

    [Fact]
    public async Task A_citizen_must_give_an_email_or_a_phone()
    {
        var holdId = await _api.HoldId(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(5), 10, 10));

        var response = await _api.Confirm(holdId, CitizenApi.NewCitizen(email: null, phone: null));

        await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
    }

    [Fact]
    public async Task An_email_address_without_consent_to_be_written_to_is_refused_and_the_hold_kept()
    {
        var holdId = await _api.HoldId(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(5), 10, 30));
        var withoutConsent = new { firstName = "Marc", lastName = "Lavoie", birthDate = "1970-02-03", email = "marc@example.org", emailConsent = false, language = "fr" };

        var response = await _api.Confirm(holdId, withoutConsent);

        await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.Equal(["citizen.emailConsent"], (await CitizenApi.Json(response))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.Created, (await _api.Confirm(holdId)).StatusCode);
    }

    [Fact]
    public async Task Confirming_an_expired_hold_is_a_409_and_books_nothing()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(5), 10, 20);
        var holdId = await _api.HoldId(CitizenApi.Plateau, "FLU", start);

        using var expired = platform.SiloClock.Ahead(PlatformFixture.HoldDuration);
        var response = await _api.Confirm(holdId);

        await AssertProblem(response, HttpStatusCode.Conflict, "/problems/hold-expired");
        Assert.Equal(0L, await platform.Database.ScalarAsync<long>("select count(*) from bookings where hold_digest = sha256(convert_to(@h, 'UTF8'))", ("h", holdId)));
    }

    [Fact]
    public async Task A_wrong_manage_token_looks_exactly_like_an_unknown_booking()
    {
        var booked = await _api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(5), 10, 30));
        var code = booked["confirmationCode"]!.GetValue<string>();

        await AssertProblem(await _api.Get(code, "forged-token"), HttpStatusCode.NotFound, "/problems/booking-not-found");
        await AssertProblem(await _api.Cancel(code, "forged-token"), HttpStatusCode.NotFound, "/problems/booking-not-found");
        await AssertProblem(await _api.Get("AAAAA-AAAAA", "forged-token"), HttpStatusCode.NotFound, "/problems/booking-not-found");
        Assert.Equal("confirmed", (await CitizenApi.Json(await _api.Get(code, booked["manageToken"]!.GetValue<string>())))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rescheduling_into_another_service_or_after_cancelling_is_refused()
    {
        var booked = await _api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(5), 10, 40));
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();
        var bloodHold = await _api.HoldId(CitizenApi.Plateau, "BLOOD", QuebecDate.At(QuebecDate.NextWeekday(5), 8));

        await AssertProblem(await _api.Reschedule(code, token, bloodHold), HttpStatusCode.BadRequest, "/problems/validation");
        await _api.Cancel(code, token);
        var fluHold = await _api.HoldId(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(5), 10, 50));
        await AssertProblem(await _api.Reschedule(code, token, fluHold), HttpStatusCode.Conflict, "/problems/booking-not-changeable");
    }
}
