using System.Text.Json;
using Booking.Contracts;
using Booking.Data.Audit;
using Booking.Data.Catalog;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Booking.Domain.Bookings;
using Booking.Domain.Citizens;
using Booking.Domain.Eligibility;
using Booking.Domain.Validation;
using Booking.Staff.Access;
using Booking.Staff.Bookings;

namespace Booking.Staff.Privacy;

/// <summary>Law 25 gives the organisation 30 days from receipt to answer a request about personal information.</summary>
public static class PrivacyDeadline
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(30);

    public static DateTimeOffset DueAt(DateTimeOffset receivedAt) => receivedAt + Period;
}

public sealed record PrivacyQueueItem(PrivacyQueueRow Request, DateTimeOffset DueAt, bool Overdue);

/// <summary>A request as its page shows it, unsealed: a correction, a complaint or an access request's note, and its
/// answer once given.</summary>
public sealed record PrivacyRequestView(PrivacyRequestRow Request, DateTimeOffset DueAt, bool Overdue, CorrectionRequest? Correction,
    PrivacyComplaint? Complaint, AccessRequestNote? AccessRequest, string? Answer, IReadOnlyList<PrivacyOfficer> Officers);

/// <summary>What became of an assignment or an answer; a refusal names the form's field and why.</summary>
public abstract record PrivacyOutcome
{
    public sealed record Done : PrivacyOutcome;

    /// <param name="Reason">empty, too-long, answered, not-an-officer, decision-required, erased (the booking's citizen,
    /// under the retention rule), correction-invalid (with the checks that failed in <paramref name="Details"/>),
    /// correction-ineligible (the corrected birth date is outside the service's age rule for the upcoming appointment) or
    /// correction-conflicts (the corrected person has another booking of the service within its minimum interval).</param>
    public sealed record Refused(string Field, string Reason, IReadOnlyList<CorrectionFault>? Details = null) : PrivacyOutcome;
}

/// <summary>A corrected value that fails a check made at booking: the field as the request names it, and the check's
/// stable code (<see cref="Booking.Domain.Validation.ErrorCodes"/>), which the page words in the officer's language.</summary>
public sealed record CorrectionFault(string Field, string Code);

/// <summary>An export of everything held for a booking's citizen, as a file.</summary>
public sealed record PrivacyExport(string FileName, byte[] Content);

/// <summary>
/// The person in charge of personal information works the queue of citizens' requests: every request and booking is
/// reached only within <see cref="StaffPermission.HandlePrivacyRequests"/> (out of scope: not found), and every opening
/// of sealed content, answer and export is written to the access log, naming the staff member, before anything is
/// unsealed.
/// </summary>
public sealed class PrivacyDesk(PrivacyQueueRepository queue, StaffBookingRepository bookings, PersonalDataHoldings holdings,
    PersonalDataProtector protector, PersonalDataAccessLog accessLog, CitizenValidator validator, ReferenceData referenceData, TimeProvider clock)
{
    private const string CitizenPrefix = "citizen.";

    public const string Program = "Booking.Admin/privacy";
    public const string ExportProgram = "Booking.Admin/privacy-export";
    public const int MaxAnswerLength = 4000;

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<PrivacyQueueItem>> QueueAsync(StaffActor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return (await queue.OpenAsync(Grantee(actor), cancellationToken))
            .Select(r => new PrivacyQueueItem(r, PrivacyDeadline.DueAt(r.ReceivedAt), PrivacyDeadline.DueAt(r.ReceivedAt) < now)).ToList();
    }

    /// <returns>Null when the kind is unknown, the request does not exist or is out of the person's scope: the same answer.</returns>
    public async Task<PrivacyRequestView?> OpenAsync(StaffActor actor, string? kind, Guid id, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(actor, kind, id, cancellationToken) is not { } request)
            return null;
        await accessLog.RecordAsync(new PersonalDataAccessRecord(actor.AuditName, PersonalDataAccess.Read, PrivacyRequestKind.Table(request.Kind),
            request.Id, Program, actor.SourceIp), cancellationToken);
        var correction = request.Kind == PrivacyRequestKind.Correction
            ? protector.Unseal<CorrectionRequest>(request.Ciphertext, request.EncryptionKeyId, CorrectionRequest.SealPurpose)
            : null;
        var complaint = request.Kind == PrivacyRequestKind.Complaint
            ? protector.Unseal<PrivacyComplaint>(request.Ciphertext, request.EncryptionKeyId, PrivacyComplaint.SealPurpose)
            : null;
        var accessRequest = request.Kind == PrivacyRequestKind.Access
            ? protector.Unseal<AccessRequestNote>(request.Ciphertext, request.EncryptionKeyId, AccessRequestNote.SealPurpose)
            : null;
        var answer = request.Answer is { } sealedAnswer
            ? protector.Unseal<PrivacyAnswer>(sealedAnswer.Ciphertext, sealedAnswer.KeyId, PrivacyAnswer.SealPurpose).Text
            : null;
        var due = PrivacyDeadline.DueAt(request.ReceivedAt);
        var overdue = request.AnsweredAt is null && due < clock.GetUtcNow();
        return new PrivacyRequestView(request, due, overdue, correction, complaint, accessRequest, answer, await OfficersAsync(request, cancellationToken));
    }

    /// <summary>Gives the request to an officer who could open it themselves: held over its booking's tenant or a
    /// tenant above (a complaint: a top-level tenant).</summary>
    /// <returns>Null when the request is out of scope (404).</returns>
    public async Task<PrivacyOutcome?> AssignAsync(StaffActor actor, string? kind, Guid id, Guid? assignee, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(actor, kind, id, cancellationToken) is not { } request)
            return null;
        if (request.AnsweredAt is not null)
            return new PrivacyOutcome.Refused("assignee", "answered");
        if (assignee is not { } officer || !(await OfficersAsync(request, cancellationToken)).Any(o => o.Id == officer))
            return new PrivacyOutcome.Refused("assignee", "not-an-officer");
        return await queue.AssignAsync(request.Kind, request.Id, officer, cancellationToken)
            ? new PrivacyOutcome.Done()
            : new PrivacyOutcome.Refused("assignee", "answered");
    }

    /// <summary>Closes the request with its answer, sent to the person through the outbox in the statement that closes
    /// it. A correction needs a decision: applied (<paramref name="apply"/>), the booking's citizen takes the values
    /// asked for, checked as at booking, in that same statement; declined, the booking is left as it is. Answering twice
    /// writes nothing the second time.</summary>
    /// <returns>Null when the request is out of scope (404).</returns>
    public async Task<PrivacyOutcome?> AnswerAsync(StaffActor actor, string? kind, Guid id, string? text, bool? apply,
        CancellationToken cancellationToken = default)
    {
        if (await FindAsync(actor, kind, id, cancellationToken) is not { } request)
            return null;
        var answer = text?.Trim();
        if (request.AnsweredAt is not null)
            return new PrivacyOutcome.Refused("answer", "answered");
        var isCorrection = request.Kind == PrivacyRequestKind.Correction;
        if (isCorrection && apply is null)
            return new PrivacyOutcome.Refused("decision", "decision-required");
        if (string.IsNullOrEmpty(answer))
            return new PrivacyOutcome.Refused("answer", "empty");
        if (answer.Length > MaxAnswerLength)
            return new PrivacyOutcome.Refused("answer", "too-long");

        SealedCitizen? corrected = null;
        if (isCorrection && apply == true)
        {
            var booked = await queue.BookedCitizenAsync(request.BookingId!.Value, cancellationToken);
            if (booked.Ciphertext is null)
                return new PrivacyOutcome.Refused("decision", "erased");
            var asked = protector.Unseal<CorrectionRequest>(request.Ciphertext, request.EncryptionKeyId, CorrectionRequest.SealPurpose);
            var errors = new ValidationErrors();
            var stored = protector.Unseal(booked.Ciphertext, booked.KeyId!);
            if (CitizenCorrection.Apply(stored, asked.Corrections.Select(c => (c.Field, c.Value)), validator, errors) is not { } citizen)
                return new PrivacyOutcome.Refused("decision", "correction-invalid",
                    errors.ByField.SelectMany(e => e.Value.Select(v => new CorrectionFault(Field(e.Key), v.Code))).ToList());
            if (citizen.BirthDate != stored.BirthDate && booked.Upcoming && await OutsideAgeRuleAsync(booked, citizen.BirthDate, cancellationToken))
                return new PrivacyOutcome.Refused("decision", "correction-ineligible");
            corrected = protector.Seal(citizen, booked.AppointmentDay, request.TenantId!.Value);
        }
        // A correction's or an access request's answer is its booking's, so its tenant's key seals it; a complaint names no tenant.
        var sealedAnswer = request.TenantId is { } tenantId
            ? protector.Seal(new PrivacyAnswer(answer), PrivacyAnswer.SealPurpose, tenantId)
            : protector.Seal(new PrivacyAnswer(answer), PrivacyAnswer.SealPurpose);
        return await queue.AnswerAsync(request.Kind, request.Id, sealedAnswer, corrected, actor.UserId, Program, actor.SourceIp, cancellationToken) switch
        {
            PrivacyAnswerWrite.Answered => new PrivacyOutcome.Done(),
            PrivacyAnswerWrite.CorrectionConflicts => new PrivacyOutcome.Refused("decision", "correction-conflicts"),
            _ when corrected is not null && (await FindAsync(actor, kind, id, cancellationToken))?.AnsweredAt is null =>
                new PrivacyOutcome.Refused("decision", "erased"),
            _ => new PrivacyOutcome.Refused("answer", "answered"),
        };
    }

    /// <summary>Everything held for the citizen of the booking with this code, as the citizen's own page shows it, in
    /// one JSON file; the export is logged as a read of the booking.</summary>
    /// <returns>Null when the code is malformed, unknown or of a booking out of scope: the same answer.</returns>
    public async Task<PrivacyExport?> ExportAsync(StaffActor actor, string? code, CancellationToken cancellationToken = default)
    {
        if (!ConfirmationCode.TryNormalise(code, out var normalised)
            || await bookings.FindAsync(Grantee(actor), normalised, cancellationToken) is not { } booking)
            return null;
        await accessLog.RecordAsync(new PersonalDataAccessRecord(actor.AuditName, PersonalDataAccess.Read, "bookings", booking.Id, ExportProgram,
            actor.SourceIp), cancellationToken);
        var held = await holdings.ReadAsync(booking.Id, booking.CitizenCiphertext, booking.EncryptionKeyId, cancellationToken);
        var export = new
        {
            ExportedAt = clock.GetUtcNow(),
            Booking = new
            {
                booking.ConfirmationCode, booking.Status, Clinic = booking.LocationName, Service = booking.ServiceCode, booking.SlotStart, booking.SlotEnd,
            },
            held.Citizen,
            Screening = held.Declarations.Screening,
            held.Declarations.PriorityGroups,
            CorrectionRequests = held.Corrections.Select(c => new
            {
                c.Status.Id, c.Status.Status, c.Status.ReceivedAt, c.Status.AnsweredAt, c.Answer, c.Request.Corrections, c.Request.Note,
            }),
            AccessRequests = held.AccessRequests.Select(a => new
            {
                a.Status.Id, a.Status.Status, a.Status.ReceivedAt, a.Status.AnsweredAt, a.Channel, a.Note, a.Answer,
            }),
            AccessLog = held.Accesses.Select(a => new { a.OccurredAt, a.Actor, a.Access, a.Table, a.Program }),
        };
        return new PrivacyExport($"personal-information-{booking.ConfirmationCode}.json", JsonSerializer.SerializeToUtf8Bytes(export, ExportJson));
    }

    /// <summary>Whether a corrected birth date puts the person outside the age rule of the service as the clinic offers
    /// it, on the appointment's day: the booking would no longer be one the platform takes, so the officer is told to
    /// have it cancelled first, or to answer without applying.</summary>
    private async Task<bool> OutsideAgeRuleAsync(BookedCitizen booked, DateOnly birthDate, CancellationToken cancellationToken)
    {
        var rule = (await referenceData.GetAsync(cancellationToken)).ServiceAt(booked.LocationId, booked.ServiceCode)?.Service.Eligibility;
        // Only the age: the minimum interval is the database's to refuse (correction-conflicts), and campaigns admit at
        // the moment of booking, which a correction does not repeat.
        return rule is not null && EligibilityCheck.Evaluate(rule with { MinimumInterval = null }, birthDate, booked.AppointmentDay, [])
            is EligibilityResult.TooYoung or EligibilityResult.TooOld;
    }

    private Task<PrivacyRequestRow?> FindAsync(StaffActor actor, string? kind, Guid id, CancellationToken cancellationToken) =>
        PrivacyRequestKind.IsKnown(kind) ? queue.FindAsync(Grantee(actor), kind!, id, cancellationToken) : Task.FromResult<PrivacyRequestRow?>(null);

    private Task<IReadOnlyList<PrivacyOfficer>> OfficersAsync(PrivacyRequestRow request, CancellationToken cancellationToken) =>
        queue.OfficersAsync(request.TenantId,
            StaffRolePermissions.Granting(StaffPermission.HandlePrivacyRequests).Select(role => role.Code()).ToList(), cancellationToken);

    /// <summary>A checked field as the request names it (<c>citizen.birthDate</c> is the request's <c>birthDate</c>).</summary>
    private static string Field(string checkedField) =>
        checkedField.StartsWith(CitizenPrefix, StringComparison.Ordinal) ? checkedField[CitizenPrefix.Length..] : checkedField;

    private static StaffGrantee Grantee(StaffActor actor) => StaffAccess.Grantee(actor.UserId, StaffPermission.HandlePrivacyRequests);
}
