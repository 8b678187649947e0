using System.Net;
using System.Text;
using Booking.Data.Demo;
using Booking.Staff.Access;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>The clinic cancels or moves one booking with a reason, over real HTTP through the real clinic-day grains: the
/// citizen's message is queued once in the change's statement, the change is audited with the staff member and the reason
/// (the note sealed), a form sent twice acts once, a full slot is never overbooked, bad input is a 422, and a front desk
/// of another clinic or a manager of another region reaches nothing.</summary>
[Collection(AdminCollection.Name)]
public sealed class ClinicCancelMoveTests(AdminFixture fixture)
{
    private readonly ClinicBookingChanges _changes = new(fixture);

    [Fact]
    public async Task A_manager_moves_a_booking_into_a_free_slot_once_and_never_into_a_full_one()
    {
        var (clinic, day) = await _changes.OneSeatClinicAsync(11);
        var moving = await _changes.BookAsync(clinic, day, 9, 0, "Mathilde");
        var staying = await _changes.BookAsync(clinic, day, 9, 10, "Gaspard");
        var (manager, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.ClinicManager, DemoSeed.MontrealRegion, clinic));
        using var _ = session;
        var page = $"clinic-day/{clinic}/bookings/{moving.Id}";

        var (status, html) = await session.PageAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Mathilde Déplacée", html);
        Assert.Contains("id=\"slot-0920\"", html);
        Assert.DoesNotContain("id=\"slot-0910\"", html);

        var form = await session.LoadFormAsync(page, "move");
        var key = Guid.NewGuid().ToString();
        var moved = await session.SubmitAsync(form, ClinicBookingChanges.MoveTo(day, "09:20", note: "Panne de courant au poste 1", formKey: key));
        var again = await session.SubmitAsync(form, ClinicBookingChanges.MoveTo(day, "09:30", note: "Panne de courant au poste 1", formKey: key));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("data-outcome=\"moved\"", await moved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("data-outcome=\"already-sent\"", await again.Content.ReadAsStringAsync());
        Assert.Equal("confirmed|09:20|2|1|1", await _changes.StateAsync(moving.Id));
        Assert.Equal("BookingMovedByClinic", await fixture.Database.ScalarAsync<string>(
            "select kind from notifications where booking_id = @id and kind <> 'BookingConfirmed'", ("id", moving.Id)));
        var audit = await fixture.Database.ScalarAsync<string>("""
            select concat_ws('|', action, by_clinic, actor, reason, to_char(previous_slot_start at time zone 'America/Montreal', 'HH24:MI'),
                             to_char(slot_start at time zone 'America/Montreal', 'HH24:MI'), source_ip is not null)
            from booking_change_audit where booking_id = @id
            """, ("id", moving.Id));
        Assert.Equal($"moved|t|staff:{manager.Id}|clinic-closed|09:00|09:20|t", audit);
        // The note is sealed: its words are not in the database.
        var note = await fixture.Database.ScalarAsync<byte[]>("select note_ciphertext from booking_change_audit where booking_id = @id", ("id", moving.Id));
        Assert.DoesNotContain("Panne", Encoding.UTF8.GetString(note));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""
            select count(*) from personal_data_access_log where record_id = @id and access = 'update' and actor = @actor
            """, ("id", moving.Id), ("actor", $"staff:{manager.Id}")));

        // 09:20 now has its one seat taken: moving another booking there is refused and changes nothing.
        var full = await session.SubmitAsync($"clinic-day/{clinic}/bookings/{staying.Id}", "move", ClinicBookingChanges.MoveTo(day, "09:20"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, full.StatusCode);
        Assert.Contains("data-outcome=\"slot-unavailable\"", await full.Content.ReadAsStringAsync());
        Assert.Equal("confirmed|09:10|1|0|0", await _changes.StateAsync(staying.Id));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""
            select count(*) from (select slot_start from bookings where location_id = @clinic and status = 'confirmed'
                                  group by slot_start having count(*) > 1) over_capacity
            """, ("clinic", clinic)));
    }

    [Fact]
    public async Task A_front_desk_cancels_with_a_reason_once_and_bad_input_answers_422_changing_nothing()
    {
        var (clinic, day) = await _changes.OneSeatClinicAsync(12);
        var booking = await _changes.BookAsync(clinic, day, 9, 30, "Rosalie");
        var (desk, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));
        using var _ = session;
        var page = $"clinic-day/{clinic}/bookings/{booking.Id}";

        foreach (var (fields, outcome) in new (List<KeyValuePair<string, string>> Fields, string Outcome)[]
                 {
                     ([new("formKey", Guid.NewGuid().ToString())], "invalid"),
                     (ClinicBookingChanges.Reason("made-up-reason"), "invalid"),
                     (ClinicBookingChanges.Reason("other"), "invalid"),
                     (ClinicBookingChanges.Reason("clinic-closed", new string('x', 501)), "invalid"),
                     ([new("reason", "clinic-closed"), new("formKey", "not-a-key")], "invalid"),
                 })
        {
            var refused = await session.SubmitAsync(page, "cancel", fields);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains($"data-outcome=\"{outcome}\"", await refused.Content.ReadAsStringAsync());
        }
        var badMove = await session.SubmitAsync(page, "move", ClinicBookingChanges.MoveTo(day, "25:99"));
        var pastDay = await session.SubmitAsync(page, "move", ClinicBookingChanges.MoveTo(day.AddYears(-2), "09:00"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badMove.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pastDay.StatusCode);
        Assert.Equal("confirmed|09:30|1|0|0", await _changes.StateAsync(booking.Id));

        var form = await session.LoadFormAsync(page, "cancel");
        var key = Guid.NewGuid().ToString();
        var cancelled = await session.SubmitAsync(form, ClinicBookingChanges.Reason("staff-unavailable", formKey: key));
        var again = await session.SubmitAsync(form, ClinicBookingChanges.Reason("staff-unavailable", formKey: key));

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("data-outcome=\"cancelled\"", await cancelled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("data-outcome=\"already-sent\"", await again.Content.ReadAsStringAsync());
        Assert.Equal("cancelled|09:30|2|1|1", await _changes.StateAsync(booking.Id));
        Assert.Equal("BookingCancelledByClinic", await fixture.Database.ScalarAsync<string>(
            "select kind from notifications where booking_id = @id and kind <> 'BookingConfirmed'", ("id", booking.Id)));
        Assert.Equal($"cancelled|staff:{desk.Id}|staff-unavailable|f", await fixture.Database.ScalarAsync<string>(
            "select concat_ws('|', action, actor, reason, note_ciphertext is not null) from booking_change_audit where booking_id = @id", ("id", booking.Id)));
        // The seat is free again for anyone.
        Assert.Contains("id=\"slot-0930\"", (await session.PageAsync($"clinic-day/{clinic}/bookings/{(await _changes.BookAsync(clinic, day, 9, 50, "Autre")).Id}")).Html);
    }

    [Fact]
    public async Task A_front_desk_of_another_clinic_and_a_manager_of_another_region_cannot_cancel_or_move_here()
    {
        var (clinic, day) = await _changes.OneSeatClinicAsync(13);
        var booking = await _changes.BookAsync(clinic, day, 9, 0, "Victorine");
        var (_, otherDesk) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, DayBookings.Palais));
        var (_, quebecManager) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, RoleGrant.At(StaffRole.ClinicManager, DemoSeed.QuebecRegion, DayBookings.ExpoCite));
        using var a = otherDesk;
        using var b = quebecManager;

        foreach (var (session, ownClinic) in new[] { (otherDesk, DayBookings.Palais), (quebecManager, DayBookings.ExpoCite) })
        {
            // The booking's own address, and the booking named under the attacker's own clinic.
            foreach (var page in new[] { $"clinic-day/{clinic}/bookings/{booking.Id}", $"clinic-day/{ownClinic}/bookings/{booking.Id}" })
            {
                var (status, html) = await session.PageAsync(page);
                Assert.Equal(HttpStatusCode.NotFound, status);
                Assert.DoesNotContain("Victorine", html);
                var cancel = await session.PostFormAsync(page, "cancel", tokenPage: "", ClinicBookingChanges.Reason());
                var move = await session.PostFormAsync(page, "move", tokenPage: "", ClinicBookingChanges.MoveTo(day, "09:40"));
                Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
                Assert.DoesNotContain("Victorine", await cancel.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal("confirmed|09:00|1|0|0", await _changes.StateAsync(booking.Id));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id = @id and actor like 'staff:%'", ("id", booking.Id)));
    }
}
