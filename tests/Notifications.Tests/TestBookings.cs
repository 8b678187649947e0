using Booking.Data.Bookings;
using Booking.Data.Demo;
using Booking.Data.Protection;
using Booking.Domain.Citizens;
using Booking.Domain.Scheduling;
using Booking.Testing;

namespace Booking.Notifications.Tests;

/// <summary>Bookings written through the real repository (the statement the silo's group commit runs), each on its
/// own slot so seats never collide.</summary>
public sealed class TestBookings(BookingRepository bookings, PersonalDataProtector protector)
{
    private static int _nextSlot;
    private static int _nextCitizen;

    /// <summary>A new person each time (birth dates differ), as a flu shot per person per season is all the database accepts.</summary>
    public static CitizenDetails Citizen(string language = "fr", bool email = true, bool phone = true) => new(
        "Marie", "Tremblay", new DateOnly(1980, 5, 1).AddDays(Interlocked.Increment(ref _nextCitizen)), null,
        email ? $"marie{Interlocked.Increment(ref _nextSlot)}@example.org" : null,
        phone ? $"+1514555{Random.Shared.Next(1000, 9999)}" : null, language, EmailConsent: email);

    public static DateTimeOffset NextSlotStart(int daysAhead = 5) =>
        QuebecDate.At(QuebecDate.NextWeekday(daysAhead), 8).AddMinutes(Interlocked.Increment(ref _nextSlot) % 700);

    public async Task<NewBooking> BookAsync(CitizenDetails citizen, DateTimeOffset? start = null, string service = "FLU")
    {
        var booking = New(citizen, start ?? NextSlotStart(), service, seat: 0);
        var outcome = await bookings.InsertAsync([booking]);
        Assert.IsType<InsertOutcome.Inserted>(outcome.Single());
        return booking;
    }

    /// <summary>Many bookings in one group commit (one statement), as a busy clinic-day writes them.</summary>
    public async Task<IReadOnlyList<NewBooking>> BookManyAsync(int count, Func<int, CitizenDetails> citizen)
    {
        var start = NextSlotStart(daysAhead: 12);
        var batch = Enumerable.Range(0, count).Select(i => New(citizen(i), start, "FLU", seat: i)).ToList();
        Assert.All(await bookings.InsertAsync(batch), outcome => Assert.IsType<InsertOutcome.Inserted>(outcome));
        return batch;
    }

    /// <summary>A booking at a clinic of another tenant, sealed with that tenant's key now and written by <see cref="InsertAsync"/>.</summary>
    public NewBooking At(Guid tenant, Guid clinic, CitizenDetails citizen) => New(citizen, NextSlotStart(), "FLU", seat: 0, tenant, clinic);

    public async Task<NewBooking> InsertAsync(NewBooking booking)
    {
        Assert.IsType<InsertOutcome.Inserted>((await bookings.InsertAsync([booking])).Single());
        return booking;
    }

    private NewBooking New(CitizenDetails citizen, DateTimeOffset slotStart, string service, int seat, Guid? tenant = null, Guid? clinic = null) =>
        new(Guid.CreateVersion7(), "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(), tenant ?? DemoSeed.MontrealRegion,
            clinic ?? DemoSeed.StadeOlympique, service, slotStart, slotStart.AddMinutes(10), seat, Math.Max(12, seat + 1), "hold-" + Guid.NewGuid().ToString("N"), null,
            protector.Seal(citizen, QuebecDate.Of(slotStart), tenant ?? DemoSeed.MontrealRegion),
            protector.Seal(new BookingDeclarations([], []), tenant ?? DemoSeed.MontrealRegion), TestClock.Now, null);

    public Task<MoveOutcome> MoveAsync(NewBooking booking, int version, DateTimeOffset newStart, int seat = 0, ChangedBy by = ChangedBy.Citizen) =>
        bookings.MoveAsync(booking.Id, version, booking.LocationId, new Slot(booking.ServiceCode, newStart, newStart.AddMinutes(10), 12), seat,
            "hold-" + Guid.NewGuid().ToString("N"), by);
}
