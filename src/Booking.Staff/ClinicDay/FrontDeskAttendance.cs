using Booking.Data.Catalog;
using Booking.Data.ClinicDay;
using Booking.Domain.Bookings;
using Booking.Passes;
using Booking.Staff.Bookings;

namespace Booking.Staff.ClinicDay;

/// <summary>
/// Who came and who did not. Checking people in at a clinic, today only: by the appointment pass a scanner types in (verified against the
/// published keys, as any scanner would, then against the booking as it stands), by confirmation code, by name and
/// birth date, or by picking one of several people of the same name. A second check-in changes nothing and says when
/// the first one was. A no-show is marked by hand once the slot has started (the platform marks the rest later). Every
/// check-in and no-show is one statement with its access-log record.
/// </summary>
public sealed class FrontDeskAttendance(ClinicDayBoard board, ClinicDayRepository days, CatalogRepository catalog, AppointmentPassVerifier passes,
    TimeProvider clock)
{
    /// <returns>Null when the person may not run this clinic's day (answered as if it did not exist).</returns>
    public async Task<CheckInOutcome?> ByPassAsync(StaffActor actor, Guid locationId, DateOnly date, string? token, CancellationToken cancellationToken = default)
    {
        var verification = passes.Verify(token ?? "");
        return await TodayAsync(actor, locationId, date, async (location, appointments) =>
        {
            if (verification is not PassVerification.Valid { Claims: var claims })
                return new CheckInOutcome.InvalidPass(((PassVerification.Invalid)verification).Reason);
            if (claims.LocationId != location.Id)
                return new CheckInOutcome.OtherClinic((await catalog.LocationAsync(claims.LocationId, cancellationToken))?.Name ?? "", claims.SlotStart);
            if (location.DateOf(claims.SlotStart) != location.DateOf(clock.GetUtcNow()))
                return new CheckInOutcome.OtherDay(location.DateOf(claims.SlotStart), claims.SlotStart);
            // Authentic, but the booking may have been cancelled or moved since the pass was issued.
            var booking = appointments.SingleOrDefault(a => a.Id == claims.BookingId && a.SlotStart == claims.SlotStart && a.ServiceCode == claims.ServiceCode);
            return booking is null ? new CheckInOutcome.NoLongerValid() : await MarkAsync(actor, location.Id, booking, cancellationToken);
        }, cancellationToken);
    }

    public Task<CheckInOutcome?> ByCodeAsync(StaffActor actor, Guid locationId, DateOnly date, string? code, CancellationToken cancellationToken = default) =>
        TodayAsync(actor, locationId, date, async (location, appointments) =>
            ConfirmationCode.TryNormalise(code, out var normalised) && appointments.SingleOrDefault(a => a.ConfirmationCode == normalised) is { } booking
                ? await MarkAsync(actor, location.Id, booking, cancellationToken)
                : new CheckInOutcome.NotFound(), cancellationToken);

    /// <summary>Name as on the health card, any accents or case; several people of the same name and birth date are listed.</summary>
    public Task<CheckInOutcome?> ByNameAsync(StaffActor actor, Guid locationId, DateOnly date, string? firstName, string? lastName, DateOnly? birthDate,
        CancellationToken cancellationToken = default) =>
        TodayAsync(actor, locationId, date, async (location, appointments) =>
        {
            var (first, last) = (ClinicDayBoard.Fold(firstName ?? ""), ClinicDayBoard.Fold(lastName ?? ""));
            if (first.Length == 0 || last.Length == 0 || birthDate is null)
                return new CheckInOutcome.NotFound();
            var matches = appointments.Select(board.Unseal)
                .Where(p => p.BirthDate == birthDate && ClinicDayBoard.Fold(p.FirstName) == first && ClinicDayBoard.Fold(p.LastName) == last).ToList();
            if (matches.Count > 1)
                await board.LogReadsAsync(actor, matches, cancellationToken);
            return matches.Count switch
            {
                0 => new CheckInOutcome.NotFound(),
                1 => await MarkAsync(actor, location.Id, matches[0].Appointment, cancellationToken),
                _ => new CheckInOutcome.Several(matches),
            };
        }, cancellationToken);

    /// <summary>One of the people listed on the page (a slot's, a search's, several of one name).</summary>
    public Task<CheckInOutcome?> ByBookingAsync(StaffActor actor, Guid locationId, DateOnly date, Guid bookingId, CancellationToken cancellationToken = default) =>
        TodayAsync(actor, locationId, date, async (location, appointments) =>
            appointments.SingleOrDefault(a => a.Id == bookingId) is { } booking
                ? await MarkAsync(actor, location.Id, booking, cancellationToken)
                : new CheckInOutcome.NotFound(), cancellationToken);

    /// <returns>Null when the person may not run this clinic's day; otherwise what stands for the booking now.</returns>
    public async Task<AttendanceOutcome?> MarkNoShowAsync(StaffActor actor, Guid locationId, DateOnly date, Guid bookingId,
        CancellationToken cancellationToken = default)
    {
        if (await board.DayAsync(actor, locationId, date, cancellationToken) is not var (location, _, _, appointments))
            return null;
        return appointments.Any(a => a.Id == bookingId)
            ? await days.MarkNoShowAsync(location.Id, bookingId, clock.GetUtcNow(), actor.AuditName, actor.SourceIp, cancellationToken)
            : new AttendanceOutcome.NotHere();
    }

    private async Task<CheckInOutcome?> TodayAsync(StaffActor actor, Guid locationId, DateOnly date,
        Func<Domain.Catalog.Location, IReadOnlyList<DayAppointment>, Task<CheckInOutcome>> checkIn, CancellationToken cancellationToken)
    {
        if (await board.DayAsync(actor, locationId, date, cancellationToken) is not var (location, _, isToday, appointments))
            return null;
        return isToday ? await checkIn(location, appointments) : new CheckInOutcome.NotToday();
    }

    private async Task<CheckInOutcome> MarkAsync(StaffActor actor, Guid locationId, DayAppointment booking, CancellationToken cancellationToken)
    {
        var person = board.Unseal(booking);
        return await days.CheckInAsync(locationId, booking.Id, clock.GetUtcNow(), actor.AuditName, actor.SourceIp, cancellationToken) switch
        {
            AttendanceOutcome.Marked { At: var at } => new CheckInOutcome.CheckedIn(person, at),
            AttendanceOutcome.AlreadyCheckedIn { At: var at } => await ReadAgainAsync(actor, person, at, cancellationToken),
            _ => new CheckInOutcome.NoLongerValid(),
        };
    }

    /// <summary>Nothing changed, but the name was shown again: that is a consultation, logged like one.</summary>
    private async Task<CheckInOutcome> ReadAgainAsync(StaffActor actor, DayPerson person, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await board.LogReadsAsync(actor, [person], cancellationToken);
        return new CheckInOutcome.AlreadyCheckedIn(person, at);
    }
}
