using System.Globalization;
using Booking.Data.Bookings;
using Booking.Data.Demo;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Citizens;
using Booking.Grains.Inventory;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>A clinic of its own (Montréal region, Québec time) open on one weekday ahead from 09:00 to 10:00 for FLU, one
/// seat (or as many as asked) per 10-minute slot, and bookings in it written by the statement the silo's group commit runs (each queues its
/// confirmation message).</summary>
public sealed class ClinicBookingChanges(AdminFixture fixture)
{
    public Task<(Guid Clinic, DateOnly Day)> OneSeatClinicAsync(int weekday) => ClinicAsync(weekday, seats: 1);

    public async Task<(Guid Clinic, DateOnly Day)> ClinicAsync(int weekday, int seats)
    {
        var day = QuebecDate.NextWeekday(weekday);
        var clinic = Guid.CreateVersion7();
        await fixture.Database.ScalarAsync<int>("""
            with l as (insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude, time_zone)
                       values (@clinic, @tenant, @name, '2, rue du Changement', 'Montréal', 'H2X 1Y4', 45.5, -73.6, 'America/Montreal') returning id)
            insert into schedule_exceptions (id, location_id, service_code, on_date, kind, opens_at, closes_at, slot_minutes, capacity)
            select @exception, id, 'FLU', @day, 'extra_hours', '09:00', '10:00', 10, @seats from l returning 1
            """, ("clinic", clinic), ("tenant", DemoSeed.MontrealRegion), ("name", $"Changement {clinic:N}"[..24]),
            ("exception", Guid.CreateVersion7()), ("day", day), ("seats", seats));
        return (clinic, day);
    }

    /// <summary>Wakes the clinic's day, as a staff save's settlement does, so that it publishes its free FLU times to the
    /// availability the citizen search and the contact centre read.</summary>
    public Task PublishAsync(Guid clinic, DateOnly day) => fixture.Services.GetRequiredService<IClusterClient>()
        .GetGrain<ILocationDayGrain>(new LocationDayKey(clinic, day).ToString()).Wake("FLU");

    /// <summary>A FLU booking in the one seat of the slot at <paramref name="hour"/>:<paramref name="minute"/> of <paramref name="day"/>.</summary>
    public async Task<NewBooking> BookAsync(Guid clinic, DateOnly day, int hour, int minute, string firstName, string lastName = "Déplacée",
        Guid? tenant = null, string? healthCard = null, string phone = "+15145550143")
    {
        var protector = fixture.Services.GetRequiredService<PersonalDataProtector>();
        var citizen = new CitizenDetails(firstName, lastName, new DateOnly(1968, 2, 9), healthCard, $"{Guid.NewGuid():N}@example.org", phone, "en",
            EmailConsent: true);
        var start = QuebecDate.At(day, hour).AddMinutes(minute);
        var booking = new NewBooking(Guid.CreateVersion7(), ConfirmationCode.New(), tenant ?? DemoSeed.MontrealRegion, clinic, "FLU", start,
            start.AddMinutes(10), 0, 1, "hold-" + Guid.NewGuid().ToString("N"), null, protector.Seal(citizen, day, tenant ?? DemoSeed.MontrealRegion),
            protector.Seal(new BookingDeclarations([], []), tenant ?? DemoSeed.MontrealRegion), TestClock.Now, null);
        Assert.IsType<InsertOutcome.Inserted>(Assert.Single(await fixture.Services.GetRequiredService<BookingRepository>().InsertAsync([booking])));
        return booking;
    }

    public static List<KeyValuePair<string, string>> Reason(string reason = "clinic-closed", string? note = null, string? formKey = null) =>
        [new("reason", reason), new("note", note ?? ""), new("formKey", formKey ?? Guid.NewGuid().ToString())];

    public static List<KeyValuePair<string, string>> MoveTo(DateOnly day, string time, string reason = "clinic-closed", string? note = null,
        string? formKey = null) =>
        [.. Reason(reason, note, formKey), new("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("time", time)];

    public Task<string> StateAsync(Guid bookingId) => fixture.Database.ScalarAsync<string>("""
        select concat_ws('|', b.status, to_char(b.slot_start at time zone 'America/Montreal', 'HH24:MI'), b.version,
            (select count(*) from notifications n where n.booking_id = b.id and n.kind <> 'BookingConfirmed'),
            (select count(*) from booking_change_audit a where a.booking_id = b.id))
        from bookings b where b.id = @id
        """, ("id", bookingId));
}
