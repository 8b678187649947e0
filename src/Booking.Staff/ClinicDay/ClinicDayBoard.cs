using System.Globalization;
using System.Text;
using Booking.Data.Audit;
using Booking.Data.Catalog;
using Booking.Data.ClinicDay;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Scheduling;
using Booking.Staff.Access;
using Booking.Staff.Bookings;

namespace Booking.Staff.ClinicDay;

/// <summary>
/// A clinic's day for its front desk: the slots laid out by the slot engine, the day's live bookings read in one query
/// and counted per slot, and the people of one slot or of a search. Names are sealed, so a name search decrypts the
/// day's rows in memory (one clinic, one day: bounded, a few milliseconds for thousands); a health card is matched by
/// its fingerprint, never decrypted. Only the people shown are logged as consulted, each in one statement.
/// </summary>
public sealed class ClinicDayBoard(StaffAccess access, CatalogRepository catalog, ClinicDayRepository days, PersonalDataProtector protector,
    PersonalDataAccessLog accessLog, TimeProvider clock)
{
    /// <summary>At most this many people are shown for a search: enough for a front desk, not a way to list everyone.</summary>
    public const int MaxMatches = 50;

    /// <summary>The clinic's day with the people of <paramref name="slot"/> (the clinic's local time; the current slot today
    /// when none) or of <paramref name="search"/>; null when the person may not run it (or it does not exist): the same answer.</summary>
    /// <param name="shown">False when the view is not shown as it is (a form posted to the page, which shows the day as it
    /// is after the change, logged then): nothing is logged.</param>
    public async Task<ClinicDayView?> OpenAsync(StaffActor actor, Guid locationId, DateOnly? date, TimeOnly? slot, string? search,
        bool shown = true, CancellationToken cancellationToken = default)
    {
        if (await DayAsync(actor, locationId, date, cancellationToken) is not var (location, day, isToday, appointments))
            return null;
        var slots = Slots(await catalog.ScheduleAsync(location, day, cancellationToken), day, appointments);
        var shownSlot = !string.IsNullOrWhiteSpace(search) ? null
            : slot is { } time ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), location.TimeZone)) : CurrentSlot(slots, isToday);
        var people = string.IsNullOrWhiteSpace(search)
            ? appointments.Where(a => a.SlotStart == shownSlot).Select(Unseal).ToList()
            : Search(appointments, search.Trim());
        if (shown)
            await LogReadsAsync(actor, people, cancellationToken);
        var services = (await catalog.ServicesAsync(cancellationToken)).ToDictionary(s => s.Code);
        return new ClinicDayView(location, day, isToday, slots, shownSlot, people, services);
    }

    /// <summary>The clinics whose day the person may run, by name.</summary>
    public async Task<IReadOnlyList<Location>> ClinicsAsync(StaffActor actor, CancellationToken cancellationToken = default)
    {
        var allowed = (await access.LocationsAsync(actor.UserId, StaffPermission.RunClinicDay, cancellationToken)).ToHashSet();
        return (await catalog.LocationsAsync(cancellationToken)).Where(l => allowed.Contains(l.Id)).OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The clinic, the date asked for (today at the clinic when none), and that day's live bookings, once the
    /// person is known to hold <see cref="StaffPermission.RunClinicDay"/> there.</summary>
    internal async Task<(Location Location, DateOnly Day, bool IsToday, IReadOnlyList<DayAppointment> Appointments)?> DayAsync(StaffActor actor,
        Guid locationId, DateOnly? date, CancellationToken cancellationToken)
    {
        if (!await access.AllowsAsync(actor.UserId, StaffPermission.RunClinicDay, StaffScope.OfLocation(locationId), cancellationToken)
            || await catalog.LocationAsync(locationId, cancellationToken) is not { } location)
            return null;
        var today = location.DateOf(clock.GetUtcNow());
        var day = date ?? today;
        var (from, until) = location.DayBounds(day);
        // A booking shredded with its tenant's key has no one left to show.
        var appointments = await days.AppointmentsAsync(location.Id, from, until, cancellationToken);
        return (location, day, day == today, appointments.Where(a => !protector.IsShredded(a.EncryptionKeyId)).ToList());
    }

    internal DayPerson Unseal(DayAppointment appointment)
    {
        var citizen = protector.UnsealUnlessErased(appointment.CitizenCiphertext, appointment.EncryptionKeyId);
        return new DayPerson(appointment, citizen?.FirstName ?? "", citizen?.LastName ?? "", citizen?.BirthDate);
    }

    internal Task LogReadsAsync(StaffActor actor, IEnumerable<DayPerson> people, CancellationToken cancellationToken) =>
        accessLog.RecordReadsAsync(actor.AuditName, "bookings", people.Select(p => p.Appointment.Id).ToList(), ClinicDayRepository.Program,
            actor.SourceIp, cancellationToken);

    /// <summary>A confirmation code, a health card (by fingerprint) or part of a name, first or last, any accents or case.</summary>
    private List<DayPerson> Search(IReadOnlyList<DayAppointment> appointments, string search)
    {
        if (ConfirmationCode.TryNormalise(search, out var code) && appointments.Where(a => a.ConfirmationCode == code).ToList() is { Count: > 0 } byCode)
            return byCode.Select(Unseal).ToList();
        var card = protector.HealthCardFingerprint(search);
        if (appointments.Where(a => a.HealthCardFingerprint is { } f && f.AsSpan().SequenceEqual(card)).ToList() is { Count: > 0 } byCard)
            return byCard.Select(Unseal).ToList();
        var wanted = Fold(search);
        return wanted.Length == 0 ? [] : appointments.Select(Unseal)
            .Where(p => Fold($"{p.FirstName} {p.LastName}").Contains(wanted, StringComparison.Ordinal)
                        || Fold($"{p.LastName} {p.FirstName}").Contains(wanted, StringComparison.Ordinal))
            .Take(MaxMatches).ToList();
    }

    /// <summary>Every slot of the schedule with its counts, and any slot a booking holds that the schedule no longer has.</summary>
    private static List<DaySlot> Slots(LocationSchedule schedule, DateOnly day, IReadOnlyList<DayAppointment> appointments)
    {
        var booked = appointments.GroupBy(a => (a.ServiceCode, a.SlotStart)).ToDictionary(g => g.Key, g => g.ToList());
        var scheduled = SlotGenerator.SlotsOn(schedule, day).Select(s => (s.ServiceCode, s.Start, s.End, s.Capacity)).ToList();
        var unscheduled = booked.Where(b => !scheduled.Any(s => s.ServiceCode == b.Key.ServiceCode && s.Start == b.Key.SlotStart))
            .Select(b => (b.Key.ServiceCode, Start: b.Key.SlotStart, End: b.Value[0].SlotEnd, Capacity: 0));
        return scheduled.Concat(unscheduled).Select(s =>
        {
            var people = booked.GetValueOrDefault((s.ServiceCode, s.Start)) ?? [];
            return new DaySlot(s.ServiceCode, s.Start, s.End, s.Capacity, people.Count, people.Count(p => p.CheckedInAt is not null),
                people.Count(p => p.NoShowAt is not null));
        }).OrderBy(s => s.Start).ThenBy(s => s.ServiceCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Today: the slot under way, else the next one; another day: none until one is chosen.</summary>
    private DateTimeOffset? CurrentSlot(IReadOnlyList<DaySlot> slots, bool isToday)
    {
        var now = clock.GetUtcNow();
        return isToday ? slots.FirstOrDefault(s => s.End > now)?.Start : null;
    }

    /// <summary>Names compared as people type them: no accents, no case, no punctuation, single spaces.</summary>
    internal static string Fold(string value)
    {
        var kept = value.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ');
        return string.Join(' ', new string(kept.ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
