using Booking.Data.Protection;
using Booking.Messages.Formatting;
using Booking.Messages.Reference;
using Booking.Messages.Templates;
using Booking.Passes;
using Microsoft.Extensions.Options;

namespace Booking.Messages;

/// <summary>
/// Writes the e-mail and SMS for an appointment event: the wording chosen for the tenant and service, dates in the
/// clinic's time zone, the manage link, and for a live appointment its calendar entry and signed pass as a QR code.
/// </summary>
public sealed class MessageComposer(
    MessageReferenceCache referenceCache,
    ManageTokens manageTokens,
    OfferTokens offerTokens,
    AppointmentPassIssuer passes,
    AppointmentCalendar calendar,
    IOptions<MessagesOptions> options,
    TimeProvider time) : IMessageComposer
{
    public const string PassContentId = "appointment-pass";

    public async Task<EmailMessage> ComposeEmailAsync(MessageKind kind, AppointmentFacts facts, CancellationToken cancellationToken)
    {
        var (reference, values, manageLink) = await PrepareAsync(facts, cancellationToken);
        var template = reference.Templates.Resolve(kind, facts.Language, MessageChannel.Email, facts.TenantId, facts.ServiceCode);
        var cancelled = kind is MessageKind.BookingCancelledByCitizen or MessageKind.BookingCancelledByClinic;
        var live = kind is MessageKind.BookingConfirmed or MessageKind.BookingRescheduled or MessageKind.BookingMovedByClinic or MessageKind.Reminder;

        var attachments = new List<MessageAttachment>();
        string? token = null;
        if (live || cancelled)
        {
            var appointment = CalendarEntry(facts, reference, values, manageLink);
            attachments.Add(new MessageAttachment(facts.Language == "en" ? "appointment.ics" : "rendez-vous.ics", AppointmentCalendar.ContentType,
                cancelled ? calendar.Cancel(appointment) : calendar.Publish(appointment), ContentId: null));
        }
        if (live)
        {
            var location = reference.Location(facts.LocationId);
            token = passes.Issue(AppointmentPassClaims.ForAppointment(facts.BookingId, facts.ConfirmationCode, facts.LocationId,
                facts.ServiceCode, facts.SlotStart, location.TimeZone));
            attachments.Add(new MessageAttachment(facts.Language == "en" ? "appointment-pass.png" : "preuve-rendez-vous.png", "image/png",
                PassQrCode.Png(token), PassContentId));
        }

        var html = EmailLayout.Html(template.RenderHtml(values), manageLink, live ? PassContentId : null, facts.Language);
        return new EmailMessage(template.RenderSubject(values), template.RenderText(values), html, attachments) { PassToken = token };
    }

    public async Task<SmsMessage> ComposeSmsAsync(MessageKind kind, AppointmentFacts facts, CancellationToken cancellationToken)
    {
        var (reference, values, _) = await PrepareAsync(facts, cancellationToken);
        var template = reference.Templates.Resolve(kind, facts.Language, MessageChannel.Sms, facts.TenantId, facts.ServiceCode);
        return new SmsMessage(template.RenderText(values));
    }

    /// <summary>The manage link the citizen site serves: <c>{PublicBaseUrl}/manage/{code}?token=…&amp;lang=…</c>.</summary>
    public string ManageLink(string confirmationCode, string language) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/manage/{Uri.EscapeDataString(confirmationCode)}" +
        $"?token={Uri.EscapeDataString(manageTokens.For(confirmationCode))}&lang={(language == "en" ? "en" : "fr")}";

    /// <summary>The offer's page on the citizen site: <c>{PublicBaseUrl}/offers/{id}?token=…&amp;lang=…</c>.</summary>
    public string OfferLink(Guid offerId, string language) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/offers/{offerId}?token={Uri.EscapeDataString(offerTokens.For(offerId))}&lang={(language == "en" ? "en" : "fr")}";

    private async Task<(MessageReference, IReadOnlyDictionary<string, string>, string)> PrepareAsync(AppointmentFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Language is not ("fr" or "en"))
            throw new ArgumentException($"Language must be \"fr\" or \"en\", not \"{facts.Language}\".", nameof(facts));
        var reference = await referenceCache.GetAsync(cancellationToken);
        var manageLink = ManageLink(facts.ConfirmationCode, facts.Language);
        var offerLink = facts.Offer is { } offer ? OfferLink(offer.OfferId, facts.Language) : "";
        return (reference, AppointmentValues.For(facts, reference, manageLink, offerLink, time.GetUtcNow()), manageLink);
    }

    private static CalendarAppointment CalendarEntry(AppointmentFacts facts, MessageReference reference,
        IReadOnlyDictionary<string, string> values, string manageLink)
    {
        var location = reference.Location(facts.LocationId);
        var english = facts.Language == "en";
        var description = english
            ? $"Confirmation number: {facts.ConfirmationCode}\nWhat to bring: {values[Placeholders.ServicePreparation]}\nManage: {manageLink}"
            : $"Numéro de confirmation : {facts.ConfirmationCode}\nÀ apporter : {values[Placeholders.ServicePreparation]}\nGérer : {manageLink}";
        return new CalendarAppointment(facts.BookingId, $"{values[Placeholders.ServiceName]} – {location.Name}", description,
            $"{location.Name}, {AppointmentValues.Address(location)}", facts.SlotStart, facts.SlotEnd);
    }
}
