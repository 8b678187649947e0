using System.Net;
using System.Security.Cryptography;
using Booking.Data.Audit;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Citizens;
using Booking.Domain.Validation;

namespace Booking.Web.Bookings;

/// <summary>
/// A citizen's rights under Québec's Law 25: a copy of what we hold about them for a booking, a request to correct it
/// (both through the manage link, logged like every other access), and a complaint about how it was handled. Requests
/// are stored sealed for staff, who answer later.
/// </summary>
public sealed class CitizenPrivacy(ManageLinkAccess manageLink, PersonalDataProtector protector, PersonalDataHoldings holdings,
    PrivacyRequestRepository requests, PersonalDataAccessLog accessLog, CitizenValidator validator)
{
    private const int MaxValueLength = 200;
    private const int MaxTextLength = 4000;
    private const string ReferenceAlphabet = "346789ABCDEFGHJKMNPQRTWXY";

    public async Task<Outcome<PersonalInformationResponse>> PersonalInformationAsync(string code, string? token, IPAddress? sourceIp,
        CancellationToken cancellationToken)
    {
        if (await manageLink.FindAsync(code, token, cancellationToken) is not { } found)
            return new Refusal.BookingNotFound();
        var (booking, location, service) = found;
        await accessLog.RecordAsync(new PersonalDataAccessRecord(PersonalDataAccessLog.CitizenActor, PersonalDataAccess.Read, "bookings",
            booking.Id, "Booking.Web/personal-information", sourceIp), cancellationToken);

        var held = await holdings.ReadAsync(booking.Id, booking.CitizenCiphertext, booking.EncryptionKeyId, cancellationToken);
        var corrections = held.Corrections.Select(c => new CorrectionRequestResponse(c.Status.Id, c.Status.Status, c.Status.ReceivedAt,
            c.Status.AnsweredAt, c.Answer, c.Request.Corrections, c.Request.Note)).ToList();
        var accessRequests = held.AccessRequests.Select(a => new AccessRequestResponse(a.Status.Id, a.Status.Status, a.Channel, a.Status.ReceivedAt,
            a.Status.AnsweredAt, a.Answer, a.Note)).ToList();
        var accesses = held.Accesses.Select(a => new AccessResponse(a.OccurredAt, a.Actor, a.Access, a.Table, a.Program)).ToList();

        return new PersonalInformationResponse(
            new HeldBookingResponse(booking.ConfirmationCode, booking.Status, location.Id, location.Name, service.Code,
                location.LocalTime(booking.SlotStart), location.LocalTime(booking.SlotEnd), booking.CreatedAt, booking.CancelledAt),
            held.Citizen,
            held.Declarations.Screening.Select(a => new ScreeningAnswerResponse(a.QuestionId, a.QuestionVersion, a.QuestionFr, a.QuestionEn, a.Answer)).ToList(),
            held.Declarations.PriorityGroups, corrections, accessRequests, accesses);
    }

    /// <summary>Records what the citizen says is wrong; nothing is changed until staff have checked it.</summary>
    public async Task<Outcome<PrivacyRequestResponse>> RequestCorrectionAsync(string code, string? token, CitizenCorrectionRequest? body, IPAddress? sourceIp,
        CancellationToken cancellationToken)
    {
        if (await manageLink.FindAsync(code, token, cancellationToken) is not { } found)
            return new Refusal.BookingNotFound();
        var errors = new ValidationErrors();
        var corrections = new List<FieldCorrection>();
        var given = body?.Corrections ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var field = given[i]?.Field?.Trim();
            var value = given[i]?.Value?.Trim() ?? "";
            if (field is null || !CitizenCorrection.Fields.Contains(field))
                errors.Add($"corrections[{i}].field", field is null ? ErrorCodes.Required : ErrorCodes.UnknownField,
                    $"Name one of: {string.Join(", ", CitizenCorrection.Fields)}.");
            else if (value.Length > MaxValueLength)
                errors.Add($"corrections[{i}].value", ErrorCodes.TooLong, $"At most {MaxValueLength} characters.");
            else
                corrections.Add(new FieldCorrection(field, value));
        }
        var note = Text(body?.Note, "note", required: false, errors);
        if (given.Count == 0 && note is null)
            errors.Add("corrections", ErrorCodes.Required, "Say which details are wrong and what they should be, or explain in the note.");
        if (errors.Any)
            return errors;

        var sealedRequest = protector.Seal(new CorrectionRequest(corrections, note), CorrectionRequest.SealPurpose, found.Location.TenantId);
        var status = await requests.AddCorrectionAsync(found.Booking.Id, sealedRequest, "Booking.Web/correction-request", sourceIp, cancellationToken);
        return new PrivacyRequestResponse(status.Id, null, status.Status, status.ReceivedAt);
    }

    public async Task<Outcome<PrivacyRequestResponse>> FileComplaintAsync(ComplaintRequest? body, IPAddress? sourceIp, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = Text(body?.Name, "name", required: true, errors, MaxValueLength);
        var contact = validator.ValidateContact(body?.Contact, errors, forAppointments: false);
        var grounds = Text(body?.Grounds, "grounds", required: true, errors);
        string? confirmationCode = null;
        if (!string.IsNullOrWhiteSpace(body?.ConfirmationCode) && !ConfirmationCode.TryNormalise(body.ConfirmationCode, out confirmationCode))
            errors.Add("confirmationCode", ErrorCodes.InvalidConfirmationCode, "A confirmation code looks like K7MQ3-XPRWA; leave it empty if you have none.");
        if (errors.Any)
            return errors;

        var reference = NewReference();
        var sealedComplaint = protector.Seal(new PrivacyComplaint(name!, contact!.Email, contact.Phone, contact.Language, grounds!, confirmationCode),
            PrivacyComplaint.SealPurpose);
        var status = await requests.AddComplaintAsync(reference, sealedComplaint, "Booking.Web/privacy-complaint", sourceIp, cancellationToken);
        return new PrivacyRequestResponse(status.Id, reference, status.Status, status.ReceivedAt);
    }

    private static string? Text(string? value, string field, bool required, ValidationErrors errors, int maxLength = MaxTextLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
                errors.Add(field, ErrorCodes.Required, "This field is required.");
            return null;
        }
        if (text.Length <= maxLength)
            return text;
        errors.Add(field, ErrorCodes.TooLong, $"At most {maxLength} characters.");
        return null;
    }

    /// <summary>Like a confirmation code, so it can be read out on the phone: <c>PC-K7MQ3-XPRW</c>.</summary>
    private static string NewReference()
    {
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
        return $"PC-{chars[..5]}-{chars[5..]}";
    }
}
