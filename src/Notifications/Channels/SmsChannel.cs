using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Booking.Notifications.Channels;

/// <summary>
/// SMS through Twilio's Messages resource (form-encoded POST, basic auth). Twilio has no idempotency key for
/// Messages; the status callback URL carries our message id, so Twilio's first callback marks a send as done even
/// if we never saw its answer, and the lease keeps anyone from re-sending before then.
/// </summary>
public sealed class SmsChannel(HttpClient http, IOptions<TwilioOptions> options)
{
    private readonly TwilioOptions _options = options.Value;

    public async Task<SendOutcome> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_options.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{_options.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent([
                new("To", sms.To),
                new("From", _options.From),
                new("Body", sms.Content.Body),
                new("StatusCallback", StatusCallbackUrl(_options.PublicBaseUrl, sms.Tag)),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AccountSid}:{_options.AuthToken}")));
        request.Headers.Add(IdempotencyHeader, sms.Tag.IdempotencyKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<TwilioMessage>(cancellationToken) is { Sid: { } sid })
                return new SendOutcome.Accepted(sid);
            return SendOutcome.FromStatus((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.Transient(e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Ignored by Twilio itself; honoured by the dev stub, and by any SMS provider that supports one.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string StatusCallbackUrl(string publicBaseUrl, MessageTag tag) =>
        $"{publicBaseUrl.TrimEnd('/')}/webhooks/twilio/status?n={tag.NotificationId}&b={tag.BookingId}&l={tag.Language}";

    private sealed record TwilioMessage(string? Sid);
}
