using System.Net;
using Booking.Testing;
using Npgsql;

namespace Booking.Web.FunctionalTests;

[Collection(PlatformCollection.Name)]
public class BookingFlowTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    [Fact]
    public async Task A_citizen_books_sees_and_cancels_an_appointment_and_the_seat_comes_back()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(2), 14);
        var before = await _api.Remaining("H2H2B4", "FLU", CitizenApi.Plateau, start);

        var booked = await _api.Book(CitizenApi.Plateau, "FLU", start);
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();
        Assert.Equal("confirmed", booked["status"]!.GetValue<string>());
        Assert.Equal(start, booked["start"]!.GetValue<DateTimeOffset>());

        var shown = await CitizenApi.Json(await _api.Get(code, token));
        Assert.StartsWith("Tremblay-", shown["citizen"]!["lastName"]!.GetValue<string>());
        Assert.Equal("+15145550143", shown["citizen"]!["phone"]!.GetValue<string>());
        Assert.Equal("CLSC du Plateau-Mont-Royal", shown["locationName"]!.GetValue<string>());

        var cancelled = await _api.Cancel(code, token);
        var cancelledAgain = await _api.Cancel(code, token);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await CitizenApi.Json(cancelledAgain))["status"]!.GetValue<string>());

        await Poll.UntilAsync(async () => await _api.Remaining("H2H2B4", "FLU", CitizenApi.Plateau, start) == before,
            Poll.Propagation, "the cancelled seat to show as free again");
    }

    [Fact]
    public async Task Personal_data_is_stored_encrypted_and_every_access_is_logged()
    {
        var booked = await _api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(2), 14, 10));
        var code = booked["confirmationCode"]!.GetValue<string>();
        await _api.Get(code, booked["manageToken"]!.GetValue<string>());

        var ciphertext = await platform.Database.ScalarAsync<byte[]>("select citizen_ciphertext from bookings where confirmation_code = @c", ("c", code));
        Assert.DoesNotContain("Tremblay", System.Text.Encoding.UTF8.GetString(ciphertext));
        // In clear, only the band of the age on the appointment's day (born 1 May 1980: in their forties until 2030).
        Assert.Equal("40-49", await platform.Database.ScalarAsync<string>("select age_band from bookings where confirmation_code = @c", ("c", code)));
        // No postal code was given (it is optional): no area either.
        Assert.True(await platform.Database.ScalarAsync<bool>("select fsa is null from bookings where confirmation_code = @c", ("c", code)));
        var accesses = await platform.Database.ScalarAsync<string[]>(
            "select array_agg(access order by id) from personal_data_access_log where table_name = 'bookings' and record_id = (select id from bookings where confirmation_code = @c)", ("c", code));
        Assert.Equal(["create", "read"], accesses);
    }

    [Fact]
    public async Task Of_the_postal_code_a_citizen_gives_only_its_area_is_kept_in_clear_and_the_rest_nowhere()
    {
        var citizen = new { firstName = "Élise", lastName = "Tremblay-Fsa", birthDate = "1980-05-01", phone = "+1 514 555 0143", language = "fr", postalCode = "h2x-1y4" };

        var booked = await _api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(2), 14, 20), citizen);

        var code = booked["confirmationCode"]!.GetValue<string>();
        Assert.Equal("H2X", await platform.Database.ScalarAsync<string>("select fsa from bookings where confirmation_code = @c", ("c", code)));
        var shown = await CitizenApi.Json(await _api.Get(code, booked["manageToken"]!.GetValue<string>()));
        Assert.DoesNotContain("1Y4", shown.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rescheduling_moves_the_booking_and_releases_the_old_seat_only_then()
    {
        var oldStart = QuebecDate.At(QuebecDate.NextWeekday(3), 9);
        var newStart = QuebecDate.At(QuebecDate.NextWeekday(4), 10, 30);
        var booked = await _api.Book(CitizenApi.HauteVille, "BLOOD", oldStart);
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();
        var newHold = await _api.HoldId(CitizenApi.HauteVille, "BLOOD", newStart);

        var moved = await _api.Reschedule(code, token, newHold);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(newStart, (await CitizenApi.Json(moved))["start"]!.GetValue<DateTimeOffset>());
        Assert.Equal(newStart, (await CitizenApi.Json(await _api.Get(code, token)))["start"]!.GetValue<DateTimeOffset>());
        // Each clinic-day publishes its availability on its own timer, so the two days are awaited separately.
        await Poll.UntilAsync(async () => await _api.Remaining("G1R1S9", "BLOOD", CitizenApi.HauteVille, oldStart) == 2,
            Poll.Propagation, "the old seat to be free");
        await Poll.UntilAsync(async () => await _api.Remaining("G1R1S9", "BLOOD", CitizenApi.HauteVille, newStart) == 1,
            Poll.Propagation, "the new seat to be taken");
    }

    [Fact]
    public async Task Retrying_a_hold_or_a_confirmation_with_the_same_idempotency_key_gets_the_first_answer()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(2), 15);
        var citizen = CitizenApi.NewCitizen();

        var hold1 = await CitizenApi.Json(await _api.Hold(CitizenApi.Plateau, "FLU", start, "hold-key-1"));
        var hold2 = await CitizenApi.Json(await _api.Hold(CitizenApi.Plateau, "FLU", start, "hold-key-1"));
        var holdId = hold1["holdId"]!.GetValue<string>();
        var confirm1 = await _api.Confirm(holdId, citizen, "confirm-key-1");
        var confirm2 = await _api.Confirm(holdId, citizen, "confirm-key-1");
        var otherHold = await _api.HoldId(CitizenApi.Plateau, "FLU", start.AddMinutes(10));
        var reusedKey = await _api.Confirm(otherHold, CitizenApi.NewCitizen(), "confirm-key-1");

        Assert.Equal(holdId, hold2["holdId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, confirm2.StatusCode);
        Assert.Equal((await CitizenApi.Json(confirm1)).ToJsonString(), (await CitizenApi.Json(confirm2)).ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reusedKey.StatusCode);
        Assert.Equal("/problems/idempotency-key-reused", (await CitizenApi.Json(reusedKey))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_hold_idempotency_key_is_bound_to_its_first_request_at_every_clinic_day_and_time()
    {
        var first = QuebecDate.At(QuebecDate.NextWeekday(11), 10);
        var elsewhere = QuebecDate.At(QuebecDate.NextWeekday(12), 10, 30);

        var held = await _api.Hold(CitizenApi.Plateau, "FLU", first, "hold-key-everywhere");
        var retried = await _api.Hold(CitizenApi.Plateau, "FLU", first, "hold-key-everywhere");
        var otherClinicAndDay = await _api.Hold(CitizenApi.Stade, "FLU", elsewhere, "hold-key-everywhere");
        var otherTime = await _api.Hold(CitizenApi.Plateau, "FLU", elsewhere, "hold-key-everywhere");

        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal((await CitizenApi.Json(held))["holdId"]!.GetValue<string>(), (await CitizenApi.Json(retried))["holdId"]!.GetValue<string>());
        foreach (var reused in new[] { otherClinicAndDay, otherTime })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
            Assert.Equal("/problems/idempotency-key-reused", (await CitizenApi.Json(reused))["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_second_covid_dose_within_the_minimum_interval_is_refused_with_the_earliest_date()
    {
        var citizen = CitizenApi.NewCitizen(birthDate: "1950-02-03");
        await _api.Book(CitizenApi.Stade, "COVID19", QuebecDate.At(QuebecDate.NextWeekday(2), 11));
        await _api.Book(CitizenApi.Stade, "COVID19", QuebecDate.At(QuebecDate.NextWeekday(2), 11, 10), citizen);

        var secondHold = await _api.HoldId(CitizenApi.Stade, "COVID19", QuebecDate.At(QuebecDate.NextWeekday(9), 11));
        var refused = await _api.Confirm(secondHold, citizen);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await CitizenApi.Json(refused);
        Assert.Equal("/problems/not-eligible", problem["type"]!.GetValue<string>());
        Assert.Contains("on or after", problem["detail"]!.GetValue<string>());
        Assert.Equal("too_soon", problem["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_hold_refused_as_too_soon_for_one_citizen_still_books_for_another()
    {
        var citizen = CitizenApi.NewCitizen(birthDate: "1948-07-21");
        await _api.Book(CitizenApi.Stade, "COVID19", QuebecDate.At(QuebecDate.NextWeekday(3), 11, 20), citizen);
        var hold = await _api.HoldId(CitizenApi.Stade, "COVID19", QuebecDate.At(QuebecDate.NextWeekday(6), 11, 20));

        var refused = await _api.Confirm(hold, citizen);
        var retried = await _api.Confirm(hold, citizen);
        var forSomeoneElse = await _api.Confirm(hold, CitizenApi.NewCitizen(birthDate: "1952-03-09"));

        Assert.Equal("too_soon", (await CitizenApi.Json(refused))["reason"]!.GetValue<string>());
        Assert.Equal("too_soon", (await CitizenApi.Json(retried))["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, forSomeoneElse.StatusCode);
    }

    [Fact]
    public async Task The_database_guard_holds_behind_the_api_too()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(2), 16);
        await _api.Book(CitizenApi.Plateau, "FLU", start);

        var forged = await Assert.ThrowsAsync<PostgresException>(() => platform.Database.ScalarAsync<int>("""
            insert into bookings (id, confirmation_code, tenant_id, location_id, service_code, slot_start, slot_end, seat, slot_capacity,
                                  status, hold_digest, citizen_ciphertext, encryption_key_id, citizen_fingerprint, language, consent_at)
            select gen_random_uuid(), 'FORGE-D0000', tenant_id, location_id, service_code, slot_start, slot_end, seat, slot_capacity,
                   'confirmed', 'forged'::bytea, citizen_ciphertext, encryption_key_id, citizen_fingerprint, language, consent_at
            from bookings where location_id = @l and slot_start = @s limit 1
            returning 1
            """, ("l", CitizenApi.Plateau), ("s", start)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, forged.SqlState);
    }
}
