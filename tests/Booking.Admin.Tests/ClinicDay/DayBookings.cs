using Booking.Data.Bookings;
using Booking.Data.Demo;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Passes;
using Booking.Passes.Keys;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>Bookings of a clinic's day, written by the statement the silo's group commit runs, and the passes their
/// citizens carry, signed with the platform's own key as the messages sign them. Days are the clinic's, from the hosts'
/// clock, so the tests pass at any date and hour.</summary>
public sealed class DayBookings(AdminFixture fixture)
{
    // Zones around the world: at any hour of the test run, one of them is between 02:00 and 22:00.
    private static readonly string[] AroundTheWorld = ["America/Montreal", "America/Vancouver", "Pacific/Honolulu", "Asia/Tokyo", "Europe/Paris", "Asia/Kolkata"];

    /// <summary>Palais des congrès and Centre Laval (Montréal region), ExpoCité (Québec City region).</summary>
    public static readonly Guid Palais = new("10000000-0000-4000-8000-000000000002");
    public static readonly Guid Laval = new("10000000-0000-4000-8000-000000000004");
    public static readonly Guid ExpoCite = new("10000000-0000-4000-8000-000000000005");

    private static int _seat;
    private T Service<T>() where T : notnull => fixture.Services.GetRequiredService<T>();

    public static DateOnly Today => QuebecTime.Today(TestClock.Provider);

    /// <summary>The start of the clinic's day: a slot that has always started, whatever the hour.</summary>
    public static DateTimeOffset DayStart(DateOnly day) => QuebecDate.At(day, 0);

    /// <summary>A FLU booking at <paramref name="clinic"/> at <paramref name="start"/>, with its own seat.</summary>
    public async Task<NewBooking> BookAsync(Guid clinic, DateTimeOffset start, string firstName, string lastName, string? healthCard = null,
        DateOnly? birthDate = null)
    {
        var protector = Service<PersonalDataProtector>();
        var citizen = new CitizenDetails(firstName, lastName, birthDate ?? new DateOnly(1961, 8, 4), healthCard, null, "+15145550143", "fr", false);
        var tenant = clinic == ExpoCite ? DemoSeed.QuebecRegion : DemoSeed.MontrealRegion;
        var booking = new NewBooking(Guid.CreateVersion7(), ConfirmationCode.New(), tenant, clinic, "FLU", start, start.AddMinutes(10),
            Interlocked.Increment(ref _seat), 100_000, "hold-" + Guid.NewGuid().ToString("N"), null, protector.Seal(citizen, QuebecDate.Of(start), tenant),
            protector.Seal(new BookingDeclarations([], []), tenant), TestClock.Now, null);
        Assert.IsType<InsertOutcome.Inserted>(Assert.Single(await Service<BookingRepository>().InsertAsync([booking])));
        return booking;
    }

    /// <summary>The pass the citizen's confirmation carries (the text of its QR code).</summary>
    public string PassOf(NewBooking booking, TimeZoneInfo? zone = null) =>
        new AppointmentPassIssuer(Service<SigningKeyRing>(), TestClock.Provider).Issue(AppointmentPassClaims.ForAppointment(
            booking.Id, booking.ConfirmationCode, booking.LocationId, booking.ServiceCode, booking.SlotStart, zone ?? QuebecDate.Zone));

    /// <summary>A clinic of its own (Montréal region), in a time zone where it is between 02:00 and 22:00 now, open all
    /// day for FLU with one seat per 10-minute slot and one extra seat for walk-ins: so a slot is under way, and one
    /// follows it, at any hour the suite runs. Returns the clinic, its zone and the start of its day.</summary>
    public async Task<(Guid Clinic, TimeZoneInfo Zone, DateTimeOffset DayStart)> AllDayClinicAsync()
    {
        var zone = AroundTheWorld
            .Select(TimeZoneInfo.FindSystemTimeZoneById)
            .First(z => TimeZoneInfo.ConvertTime(TestClock.Now, z).Hour is >= 2 and < 22);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TestClock.Now, zone).DateTime);
        var clinic = Guid.CreateVersion7();
        await fixture.Database.ScalarAsync<int>("""
            with l as (insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude, time_zone, walk_in_extra_seats)
                       values (@clinic, @tenant, @name, '1, rue du Passage', 'Montréal', 'H2X 1Y4', 45.5, -73.6, @zone, 1) returning id)
            insert into schedule_exceptions (id, location_id, service_code, on_date, kind, opens_at, closes_at, slot_minutes, capacity)
            select @exception, id, 'FLU', @today, 'extra_hours', '00:00', '23:50', 10, 1 from l returning 1
            """, ("clinic", clinic), ("tenant", DemoSeed.MontrealRegion), ("name", $"Passage {clinic:N}"[..20]), ("zone", zone.Id),
            ("exception", Guid.CreateVersion7()), ("today", today));
        return (clinic, zone, new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), zone)));
    }
}
