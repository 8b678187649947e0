using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Booking.Notifications.Channels;

/// <summary>
/// E-mail through the SendGrid SDK over our resilient HttpClient. SendGrid has no idempotency key for mail send, so
/// the message's key goes in <c>custom_args</c>: it comes back in every event webhook, which is how a send whose
/// answer we lost (crash, timeout) is still recognised as sent before its lease runs out.
/// </summary>
public sealed class EmailChannel(HttpClient http, IOptions<SendGridOptions> options)
{
    public const string IdempotencyArg = "idempotency_key";
    public const string BookingArg = "booking_id";
    public const string LanguageArg = "language";

    private readonly SendGridClient _client = new(http, new SendGridClientOptions { ApiKey = options.Value.ApiKey, Host = options.Value.Host });
    private readonly EmailAddress _from = new(options.Value.FromAddress, options.Value.FromName);

    public async Task<SendOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var message = MailHelper.CreateSingleEmail(_from, new EmailAddress(email.To), email.Content.Subject, email.Content.TextBody, email.Content.HtmlBody);
        message.AddCustomArg(IdempotencyArg, email.Tag.IdempotencyKey);
        if (email.Tag.BookingId is { } booking)
            message.AddCustomArg(BookingArg, booking.ToString());
        message.AddCustomArg(LanguageArg, email.Tag.Language);
        foreach (var attachment in email.Content.Attachments)
            message.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType,
                attachment.ContentId is null ? "attachment" : "inline", attachment.ContentId);
        try
        {
            var response = await _client.SendEmailAsync(message, cancellationToken);
            if (response.IsSuccessStatusCode)
                return new SendOutcome.Accepted(response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : email.Tag.IdempotencyKey);
            return SendOutcome.FromStatus((int)response.StatusCode, await response.Body.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.Transient(e.GetType().Name + ": " + e.Message);
        }
    }
}
