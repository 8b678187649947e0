using System.Globalization;
using Booking.Contracts;
using Booking.Data.Bookings;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Domain.Eligibility;
using Booking.Grains;
using Booking.Grains.Availability;
using Booking.Grains.Inventory;
using Booking.Staff.Bookings;

namespace Booking.Staff.Changes;

/// <summary>What a staff member typed to cancel or move a booking: a reason from <see cref="BookingChangeReasons"/>,
/// a note, the form's key, and for a move the new date (yyyy-MM-dd) and time (HH:mm, the clinic's).</summary>
public sealed record BookingChangeInput(string? Reason, string? Note, string? FormKey, string? Date = null, string? Time = null);

/// <summary>One booking opened by staff to cancel or move it: the person, the appointment, and the free slots of the day
/// chosen for a move.</summary>
/// <remarks><see cref="Citizen"/> is null once erased under the retention rule.</remarks>
public sealed record ChangeableBooking(Location Location, StoredBooking Booking, CitizenDetails? Citizen, Service? Service, bool Changeable,
    DateOnly MoveDate, IReadOnlyList<FreeSlot> FreeSlots);

/// <summary>
/// Cancels or moves one booking for a staff member, through the clinic-day grains every booking goes through: a move
/// holds the new seat first (<see cref="ILocationDayGrain.Hold"/>), then moves into it (<see cref="ILocationDayGrain.MoveHere"/>),
/// which commits the new seat before the old one is given back, so no slot is ever over capacity. The change, the
/// citizen's message (in their language, with their manage link), the audit record (who, from where, the reason and
/// the sealed note) and the access-log entry are one statement. The form's key makes a form sent twice act once. The
/// caller has checked that the person may act on this booking.
/// </summary>
public sealed class StaffBookingChanges(StaffChangeLog log, PersonalDataProtector protector, GrainReferences grains, ClinicDayFreeSlots freeSlots,
    TimeProvider clock)
{
    /// <param name="byClinic">The clinic decided (the citizen is told so); false for an agent acting on the caller's request.</param>
    public async Task<BookingChangeOutcome> CancelAsync(StaffActor actor, Location location, StoredBooking booking, BookingChangeInput input,
        bool byClinic, CancellationToken cancellationToken = default)
    {
        var invalid = Invalid(input, move: false, location, out _);
        if (invalid.Count > 0)
            return new BookingChangeOutcome.Invalid(invalid);
        var formKey = Guid.Parse(input.FormKey!);
        if (await RefusedBeforeChangeAsync(formKey, booking, cancellationToken) is { } refused)
            return refused;

        var day = new LocationDayKey(location.Id, location.DateOf(booking.SlotStart));
        var result = await grains.Get<ILocationDayGrain>(day.ToString())
            .Cancel(new CancelRequest(booking.Id, booking.Version, Change(actor, input, byClinic, formKey, location.TenantId)));
        return result == ChangeResult.Done ? new BookingChangeOutcome.Cancelled() : await RefusedAsync(formKey, cancellationToken);
    }

    /// <summary>A form already acted on, or a booking no longer changeable: refused before the clinic-day is asked.</summary>
    private async Task<BookingChangeOutcome?> RefusedBeforeChangeAsync(Guid formKey, StoredBooking booking, CancellationToken cancellationToken) =>
        await log.BookingChangedByFormAsync(formKey, cancellationToken) is not null ? new BookingChangeOutcome.AlreadySent()
        : !Changeable(booking) ? new BookingChangeOutcome.NotChangeable()
        : null;

    /// <param name="eligibility">The service's rules for the new date, when they apply (an agent booking for a caller); the
    /// database's interval guard applies in every case.</param>
    public async Task<BookingChangeOutcome> MoveAsync(StaffActor actor, Location from, StoredBooking booking, Location to, BookingChangeInput input,
        bool byClinic, Func<DateOnly, Task<EligibilityResult?>>? eligibility = null, CancellationToken cancellationToken = default)
    {
        var invalid = Invalid(input, move: true, to, out var start);
        if (invalid.Count == 0 && to.Id == booking.LocationId && start == booking.SlotStart)
            invalid.Add("time");
        if (invalid.Count > 0)
            return new BookingChangeOutcome.Invalid(invalid);
        var formKey = Guid.Parse(input.FormKey!);
        if (await RefusedBeforeChangeAsync(formKey, booking, cancellationToken) is { } refused)
            return refused;
        var date = to.DateOf(start);
        if (eligibility is not null && await eligibility(date) is { } refusal)
            return new BookingChangeOutcome.NotEligible(refusal);

        var target = grains.Get<ILocationDayGrain>(new LocationDayKey(to.Id, date).ToString());
        // The hold is keyed by the form: the same form sent again while the first is under way finds the same hold.
        if (await target.Hold(new HoldRequest(booking.ServiceCode, start, $"staff-move:{formKey}")) is not HoldResult.Held held)
            return new BookingChangeOutcome.SlotUnavailable();
        var fromDay = new LocationDayKey(from.Id, from.DateOf(booking.SlotStart));
        var result = await target.MoveHere(new MoveRequest(booking.Id, booking.Version, booking.ServiceCode, held.HoldId, fromDay,
            Change(actor, input, byClinic, formKey, from.TenantId)));
        return result switch
        {
            ChangeResult.Done => new BookingChangeOutcome.Moved(to.Id, held.Start),
            ChangeResult.BookingChanged => await RefusedAsync(formKey, cancellationToken),
            ChangeResult.TooSoon => new BookingChangeOutcome.TooSoon(),
            _ => new BookingChangeOutcome.SlotUnavailable(),
        };
    }

    /// <summary>The booking as staff see it to change it (the caller has logged the read): <paramref name="moveDate"/>'s free
    /// slots of the service at the clinic, the booking's own day when none or out of range.</summary>
    public async Task<ChangeableBooking> ViewAsync(Location location, StoredBooking booking, Service? service, DateOnly? moveDate)
    {
        var citizen = protector.UnsealUnlessErased(booking.CitizenCiphertext, booking.EncryptionKeyId);
        var now = clock.GetUtcNow();
        var today = location.DateOf(now);
        var day = moveDate is { } d && d >= today && d <= today.AddDays(BookingHorizon.Days) ? d : location.DateOf(booking.SlotStart);
        var changeable = Changeable(booking);
        IReadOnlyList<FreeSlot> free = [];
        if (changeable && day >= today)
            free = await freeSlots.OfAsync(location.Id, day, booking.ServiceCode);
        return new ChangeableBooking(location, booking, citizen, service, changeable, day, free);
    }

    /// <summary>Live and not yet begun: a booking whose time has come is the front desk's to check in or mark absent.</summary>
    public bool Changeable(StoredBooking booking) => booking.IsConfirmed && booking.SlotStart > clock.GetUtcNow();

    /// <summary>A refused change: this very form acted already (sent twice at once), or someone else changed the booking.</summary>
    private async Task<BookingChangeOutcome> RefusedAsync(Guid formKey, CancellationToken cancellationToken) =>
        await log.BookingChangedByFormAsync(formKey, cancellationToken) is not null
            ? new BookingChangeOutcome.AlreadySent()
            : new BookingChangeOutcome.ChangedMeanwhile();

    /// <param name="tenantId">The tenant of the booking's clinic, whose key seals the note.</param>
    private StaffChange Change(StaffActor actor, BookingChangeInput input, bool byClinic, Guid formKey, Guid tenantId)
    {
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : protector.Seal(input.Note.Trim(), StaffChangeAudit.NotePurpose, tenantId);
        return new StaffChange(actor.AuditName, actor.SourceIp?.ToString(), byClinic, input.Reason!, note?.Ciphertext, note?.KeyId, formKey);
    }

    private List<string> Invalid(BookingChangeInput input, bool move, Location to, out DateTimeOffset start)
    {
        start = default;
        var fields = new List<string>();
        if (input.Reason is null || !BookingChangeReasons.All.Contains(input.Reason))
            fields.Add("reason");
        if (input.Note?.Trim().Length > BookingChangeReasons.MaxNoteLength
            || (input.Reason == BookingChangeReasons.Other && string.IsNullOrWhiteSpace(input.Note)))
            fields.Add("note");
        if (!Guid.TryParse(input.FormKey, out _))
            fields.Add("formKey");
        if (!move)
            return fields;
        var today = to.DateOf(clock.GetUtcNow());
        if (!DateOnly.TryParseExact(input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date < today || date > today.AddDays(BookingHorizon.Days))
            fields.Add("date");
        else if (!TimeOnly.TryParseExact(input.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                 || to.TimeZone.IsInvalidTime(date.ToDateTime(time)))
            fields.Add("time");
        else
            start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time), to.TimeZone));
        return fields;
    }
}
