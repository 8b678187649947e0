using Booking.Data.Privacy;
using Booking.Messages.Formatting;
using Booking.Messages.Templates;
using Microsoft.Extensions.Options;

namespace Booking.Messages.Privacy;

/// <summary>What a message to a person who complained says.</summary>
public enum ComplaintMessageKind { Answered }

/// <summary>
/// Writes the answer to a privacy complaint, French or English (<c>Privacy/Defaults/{language}.txt</c>): the
/// complainant's name as they gave it, the complaint's reference, the privacy officer's answer, and where to turn if it
/// does not satisfy them. A complaint names no booking, so nothing of an appointment is said.
/// </summary>
public sealed class ComplaintAnswerComposer(IOptions<MessagesOptions> options)
{
    public const string ComplainantName = "complainant.name";
    public const string Reference = "complaint.reference";
    public const string ComplaintLink = "complaint.link";

    private static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        ComplainantName, Reference, ComplaintLink, Placeholders.PrivacyAnswer,
    };

    private static readonly Lazy<IReadOnlyDictionary<(ComplaintMessageKind, string, MessageChannel), MessageTemplate>> Templates =
        new(() => TemplateSections.ByKindAndChannel<ComplaintMessageKind>("Booking.Messages.Privacy", "privacy-complaint", Known));

    public EmailMessage ComposeEmail(PrivacyComplaint complaint, string reference, string answer)
    {
        var (template, values) = Prepare(complaint, reference, answer, MessageChannel.Email);
        return new EmailMessage(template.RenderSubject(values), template.RenderText(values),
            EmailLayout.Html(template.RenderHtml(values), values[ComplaintLink], qrContentId: null, Language(complaint.Language)), []);
    }

    public SmsMessage ComposeSms(PrivacyComplaint complaint, string reference, string answer)
    {
        var (template, values) = Prepare(complaint, reference, answer, MessageChannel.Sms);
        return new SmsMessage(template.RenderText(values));
    }

    private (MessageTemplate, IReadOnlyDictionary<string, string>) Prepare(PrivacyComplaint complaint, string reference, string answer,
        MessageChannel channel)
    {
        var language = Language(complaint.Language);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ComplainantName] = complaint.Name,
            [Reference] = reference,
            [ComplaintLink] = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/privacy-complaint?lang={language}",
            [Placeholders.PrivacyAnswer] = answer,
        };
        return (Templates.Value[(ComplaintMessageKind.Answered, language, channel)], values);
    }

    private static string Language(string language) => language == "en" ? "en" : "fr";
}
