using System.Net;
using System.Net.Http.Json;
using Booking.Data.Demo;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.FunctionalTests;

/// <summary>Law 25 over real HTTP: a copy of what is held, its correction, and complaints, stored sealed and logged.</summary>
[Collection(PlatformCollection.Name)]
public class PrivacyRightsTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    private async Task<(string Code, string Token)> Booked(int minute)
    {
        var holdId = await _api.HoldId(CitizenApi.Stade, "COVID19", QuebecDate.At(QuebecDate.NextWeekday(3), 15, minute));
        var response = await _api.Confirm(holdId, CitizenApi.NewCitizen(), screening: CitizenApi.Answers(("immunosuppressed", true)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = await CitizenApi.Json(response);
        return (booked["confirmationCode"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>());
    }

    private Task<string[]> AccessesTo(string table, string code) => platform.Database.ScalarAsync<string[]>(
        $"select array_agg(l.access || ':' || l.program order by l.id) from personal_data_access_log l join {table} t on t.id = l.record_id " +
        "join bookings b on b.id = " + (table == "bookings" ? "t.id" : "t.booking_id") + " where b.confirmation_code = @c and l.table_name = @t",
        ("c", code), ("t", table));

    [Fact]
    public async Task The_citizen_gets_a_complete_decrypted_copy_and_the_read_is_logged()
    {
        var (code, token) = await Booked(0);
        // What the citizen asked staff by phone, as the privacy officer recorded it.
        var note = platform.WebServices.GetRequiredService<PersonalDataProtector>().Seal(new AccessRequestNote("Tout mon dossier, par courriel."),
            AccessRequestNote.SealPurpose);
        await platform.Database.ScalarAsync<int>("""
            with officer as (
                insert into staff_users (id, tenant_id, display_name, must_change_password, user_name, email, email_confirmed,
                                         phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, language)
                values (gen_random_uuid(), @tenant, 'Responsable', false, @email, @email, true, false, false, true, 0, 'fr')
                returning id)
            insert into access_requests (id, booking_id, channel, received_at, recorded_by, form_key, ciphertext, encryption_key_id)
            select gen_random_uuid(), b.id, 'phone', now(), o.id, gen_random_uuid(), @cipher, @key from bookings b cross join officer o
            where b.confirmation_code = @code
            returning 1
            """, ("tenant", DemoSeed.MontrealRegion), ("email", $"responsable-{Guid.NewGuid():N}@test.example"), ("cipher", note.Ciphertext),
            ("key", note.KeyId), ("code", code));

        var response = await platform.Http.GetAsync($"/api/v1/bookings/{code}/personal-information?token={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var copy = await CitizenApi.Json(response);
        Assert.StartsWith("Tremblay-", copy["citizen"]!["lastName"]!.GetValue<string>());
        Assert.Equal("+15145550143", copy["citizen"]!["phone"]!.GetValue<string>());
        Assert.True(copy["screening"]!.AsArray().Single(a => a!["questionId"]!.GetValue<string>() == "immunosuppressed")!["answer"]!.GetValue<bool>());
        Assert.Equal(["health-worker"], copy["priorityGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Contains(copy["accesses"]!.AsArray(), a => a!["access"]!.GetValue<string>() == "create");
        var accessRequest = copy["accessRequests"]!.AsArray().Single()!;
        Assert.Equal(("phone", "Tout mon dossier, par courriel.", "received"), (accessRequest["channel"]!.GetValue<string>(),
            accessRequest["note"]!.GetValue<string>(), accessRequest["status"]!.GetValue<string>()));
        Assert.Contains("read:Booking.Web/personal-information", await AccessesTo("bookings", code));
    }

    [Fact]
    public async Task A_wrong_token_gets_nothing()
    {
        var (code, _) = await Booked(10);

        var response = await platform.Http.GetAsync($"/api/v1/bookings/{code}/personal-information?token=forged");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/booking-not-found", (await CitizenApi.Json(response))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_correction_request_is_stored_sealed_as_received_logged_and_shown_in_the_copy()
    {
        var (code, token) = await Booked(20);

        var response = await platform.Http.PostAsJsonAsync($"/api/v1/bookings/{code}/correction-requests?token={token}",
            new { corrections = new[] { new { field = "lastName", value = "Tremblay-Lapointe" } }, note = "Nom composé depuis mon mariage." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("received", (await CitizenApi.Json(response))["status"]!.GetValue<string>());
        var ciphertext = await platform.Database.ScalarAsync<byte[]>(
            "select r.ciphertext from correction_requests r join bookings b on b.id = r.booking_id where b.confirmation_code = @c", ("c", code));
        Assert.DoesNotContain("Lapointe", System.Text.Encoding.UTF8.GetString(ciphertext));
        Assert.Equal(["create:Booking.Web/correction-request"], await AccessesTo("correction_requests", code));
        var copy = await CitizenApi.Json(await platform.Http.GetAsync($"/api/v1/bookings/{code}/personal-information?token={token}"));
        var request = copy["correctionRequests"]!.AsArray().Single()!;
        Assert.Equal("Tremblay-Lapointe", request["corrections"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_correction_request_of_an_unknown_field_or_with_nothing_in_it_is_a_field_error()
    {
        var (code, token) = await Booked(30);

        var unknown = await CitizenApi.Json(await platform.Http.PostAsJsonAsync($"/api/v1/bookings/{code}/correction-requests?token={token}",
            new { corrections = new[] { new { field = "salary", value = "more" } } }));
        var empty = await CitizenApi.Json(await platform.Http.PostAsJsonAsync($"/api/v1/bookings/{code}/correction-requests?token={token}", new { }));

        Assert.Equal("unknown_field", unknown["errorCodes"]!["corrections[0].field"]![0]!.GetValue<string>());
        Assert.Equal("required", empty["errorCodes"]!["corrections"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_complaint_gets_a_reference_and_is_stored_sealed_for_staff()
    {
        var response = await platform.Http.PostAsJsonAsync("/api/v1/privacy-complaints", new
        {
            name = "Jeanne Roy", contact = new { email = "jeanne.roy@example.org", emailConsent = true }, grounds = "On m'a appelée à propos de mon rendez-vous sans mon accord.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CitizenApi.Json(response);
        var reference = body["reference"]!.GetValue<string>();
        Assert.Matches("^PC-[A-Z0-9]{5}-[A-Z0-9]{4}$", reference);
        Assert.Equal("received", body["status"]!.GetValue<string>());
        var ciphertext = await platform.Database.ScalarAsync<byte[]>("select ciphertext from privacy_complaints where reference = @r", ("r", reference));
        Assert.DoesNotContain("Jeanne", System.Text.Encoding.UTF8.GetString(ciphertext));
        Assert.Equal("received", await platform.Database.ScalarAsync<string>(
            "select status || coalesce(answer_key_id, '') || coalesce(answered_at::text, '') from privacy_complaints where reference = @r", ("r", reference)));
    }

    [Fact]
    public async Task A_complaint_without_grounds_or_contact_lists_each_field()
    {
        var response = await platform.Http.PostAsJsonAsync("/api/v1/privacy-complaints", new { name = "Jeanne Roy", confirmationCode = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await CitizenApi.Json(response))["errors"]!.AsObject();
        Assert.Equal(["confirmationCode", "contact.email", "grounds"], errors.Select(e => e.Key).Order());
    }
}
