using Booking.Data.Protection;
using Booking.Data.WaitingList;
using Booking.Messages.Formatting;
using Booking.Messages.Reference;
using Booking.Messages.Templates;
using Microsoft.Extensions.Options;

namespace Booking.Messages.WaitingList;

/// <summary>
/// What a person on the waiting list is told, French or English (<c>WaitingList/Defaults/{language}.txt</c>, a section
/// per kind and channel): their place taken, with the link to leave; a seat offered, where, when and until when, with
/// the offer's own link (take or decline) and the link to leave. No name: the list keeps none. The links are signed as
/// the message is written; the outbox row holds only ids, which open nothing.
/// </summary>
public sealed class WaitingListMessageComposer(IOptions<MessagesOptions> options, WaitingListTokens tokens, MessageReferenceCache referenceCache)
{
    public const string From = "waitingList.from";
    public const string To = "waitingList.to";
    public const string LeaveLinkName = "leave.link";

    private static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        Placeholders.ServiceName, From, To, LeaveLinkName, Placeholders.OfferDateTime, Placeholders.OfferLocationName, Placeholders.OfferExpires,
        Placeholders.OfferLink,
    };

    private static readonly Lazy<IReadOnlyDictionary<(WaitingListMessageKind, string, MessageChannel), MessageTemplate>> Templates =
        new(() => TemplateSections.ByKindAndChannel<WaitingListMessageKind>("Booking.Messages.WaitingList", "waiting-list", Known));

    public async Task<EmailMessage> ComposeEmailAsync(WaitingListMessage message, CancellationToken cancellationToken)
    {
        var (template, values) = await PrepareAsync(message, MessageChannel.Email, cancellationToken);
        var link = values[Placeholders.OfferLink] is { Length: > 0 } offer ? offer : values[LeaveLinkName];
        return new EmailMessage(template.RenderSubject(values), template.RenderText(values),
            EmailLayout.Html(template.RenderHtml(values), link, qrContentId: null, Language(message.Language)), []);
    }

    public async Task<SmsMessage> ComposeSmsAsync(WaitingListMessage message, CancellationToken cancellationToken)
    {
        var (template, values) = await PrepareAsync(message, MessageChannel.Sms, cancellationToken);
        return new SmsMessage(template.RenderText(values));
    }

    /// <summary>The offer's page on the citizen site: <c>{PublicBaseUrl}/waiting-list/offers/{id}?token=…&amp;lang=…</c>.</summary>
    public string OfferLink(Guid offerId, string language) =>
        $"{Site}/waiting-list/offers/{offerId}?token={Uri.EscapeDataString(tokens.ForOffer(offerId))}&lang={Language(language)}";

    /// <summary>The page that takes a person off the list: <c>{PublicBaseUrl}/waiting-list/places/{id}/leave?token=…&amp;lang=…</c>.</summary>
    public string LeaveLink(Guid entryId, string language) =>
        $"{Site}/waiting-list/places/{entryId}/leave?token={Uri.EscapeDataString(tokens.ForPlace(entryId))}&lang={Language(language)}";

    private string Site => options.Value.PublicBaseUrl.TrimEnd('/');

    private async Task<(MessageTemplate, IReadOnlyDictionary<string, string>)> PrepareAsync(WaitingListMessage message, MessageChannel channel,
        CancellationToken cancellationToken)
    {
        var reference = await referenceCache.GetAsync(cancellationToken);
        var language = Language(message.Language);
        var zone = message.Offer is { } at ? reference.Location(at.LocationId).TimeZone : Domain.Catalog.QuebecTime.Zone;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Placeholders.ServiceName] = reference.Services.TryGetValue(message.ServiceCode, out var service) ? service.Name(language) : message.ServiceCode,
            [From] = AppointmentTimeText.Date(Noon(message.From, zone), zone, language),
            [To] = AppointmentTimeText.Date(Noon(message.To, zone), zone, language),
            [LeaveLinkName] = LeaveLink(message.EntryId, language),
            [Placeholders.OfferDateTime] = message.Offer is { } offer ? AppointmentTimeText.DateTime(offer.SlotStart, zone, language) : "",
            [Placeholders.OfferLocationName] = message.Offer is { } where ? reference.Location(where.LocationId).Name : "",
            [Placeholders.OfferExpires] = message.Offer is { } held ? AppointmentTimeText.DateTime(held.ExpiresAt, zone, language) : "",
            [Placeholders.OfferLink] = message.Offer is { } link ? OfferLink(link.OfferId, language) : "",
        };
        return (Templates.Value[(message.Kind, language, channel)], values);
    }

    private static DateTimeOffset Noon(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string Language(string language) => language == "en" ? "en" : "fr";
}
