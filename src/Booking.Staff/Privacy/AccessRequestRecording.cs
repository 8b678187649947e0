using System.Globalization;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Staff.Access;
using Booking.Staff.Bookings;

namespace Booking.Staff.Privacy;

/// <summary>An access request as the recording form sends it: the booking's confirmation code, how it reached the
/// organisation, the day it did (<c>yyyy-MM-dd</c>), the note, and the form's own key.</summary>
public sealed record AccessRequestInput(string? Code, string? Channel, string? ReceivedOn, string? Note, string? FormKey);

/// <summary>What recording an access request did.</summary>
public abstract record AccessRequestRecorded
{
    /// <summary>Recorded, or recorded already by the same form sent twice: the same request.</summary>
    public sealed record Done(Guid Id) : AccessRequestRecorded;

    /// <param name="Errors">By the form's field (code, channel, received, note, formKey): required, not-found, unknown,
    /// malformed, future, too-long or missing-key (the form's). An unknown code and a booking out of scope are the same not-found.</param>
    public sealed record Refused(IReadOnlyDictionary<string, string> Errors) : AccessRequestRecorded;
}

/// <summary>
/// The person in charge of personal information records a citizen's request for what is held about them, made by
/// phone, letter, e-mail or in person, against the citizen's booking within their
/// <see cref="StaffPermission.HandlePrivacyRequests"/> scope. The note is sealed with the booking's tenant's key before
/// it is written; the request then waits in the queue, due 30 days after the day it was received.
/// </summary>
public sealed class AccessRequestRecording(AccessRequestRepository requests, StaffBookingRepository bookings, PersonalDataProtector protector,
    TimeProvider clock)
{
    public const int MaxNoteLength = PrivacyDesk.MaxAnswerLength;

    public async Task<AccessRequestRecorded> RecordAsync(StaffActor actor, AccessRequestInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var note = input.Note?.Trim();
        if (string.IsNullOrEmpty(note))
            errors["note"] = "required";
        else if (note.Length > MaxNoteLength)
            errors["note"] = "too-long";
        if (!AccessRequestChannel.IsKnown(input.Channel))
            errors["channel"] = "unknown";
        var today = QuebecTime.Today(clock);
        var receivedOn = today;
        if (!string.IsNullOrWhiteSpace(input.ReceivedOn)
            && !DateOnly.TryParseExact(input.ReceivedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out receivedOn))
            errors["received"] = "malformed";
        else if (receivedOn > today)
            errors["received"] = "future";
        if (!Guid.TryParse(input.FormKey, out var formKey))
            errors["formKey"] = "missing-key";
        var grantee = StaffAccess.Grantee(actor.UserId, StaffPermission.HandlePrivacyRequests);
        var booking = ConfirmationCode.TryNormalise(input.Code, out var code) ? await bookings.FindAsync(grantee, code, cancellationToken) : null;
        if (booking is null)
            errors["code"] = string.IsNullOrWhiteSpace(input.Code) ? "required" : "not-found";
        if (errors.Count > 0)
            return new AccessRequestRecorded.Refused(errors);

        var sealedNote = protector.Seal(new AccessRequestNote(note!), AccessRequestNote.SealPurpose, booking!.TenantId);
        var recorded = await requests.RecordAsync(grantee, new NewAccessRequest(booking.Id, input.Channel!, receivedOn, sealedNote, formKey),
            QuebecTime.Zone, PrivacyDesk.Program, actor.SourceIp, cancellationToken);
        return recorded is { } id
            ? new AccessRequestRecorded.Done(id)
            : new AccessRequestRecorded.Refused(new Dictionary<string, string> { ["code"] = "not-found" });
    }
}
