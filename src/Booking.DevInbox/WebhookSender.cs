using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Booking.DevInbox;

/// <summary>One report to send back: a SendGrid event (batched, like SendGrid does) or a Twilio status callback.</summary>
public abstract record Report
{
    public sealed record SendGridEvent(Dictionary<string, object?> Event) : Report;
    public sealed record TwilioStatus(string CallbackUrl, string MessageSid, string Status, string? ErrorCode) : Report;
}

/// <summary>Sends the providers' signed webhooks back to the worker, after the request that caused them: SendGrid's
/// events in batches, Twilio's status callbacks one request each and several at once, as those providers do (so the
/// callbacks may also arrive out of order, which the worker must accept).</summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSigner signer, IOptions<InboxOptions> options, ILogger<WebhookSender> logger)
    : BackgroundService
{
    private const int SendGridBatchSize = 500;
    private const int TwilioCallbacksInFlight = 16;

    private readonly Channel<Dictionary<string, object?>> _sendGridEvents = Channel.CreateUnbounded<Dictionary<string, object?>>();
    private readonly Channel<Report.TwilioStatus> _twilioStatuses = Channel.CreateUnbounded<Report.TwilioStatus>();

    public void Enqueue(Report report)
    {
        if (!options.Value.SendWebhooks)
            return;
        if (report is Report.SendGridEvent e)
            _sendGridEvents.Writer.TryWrite(e.Event);
        else if (report is Report.TwilioStatus status)
            _twilioStatuses.Writer.TryWrite(status);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var http = clients.CreateClient(nameof(WebhookSender));
        return Task.WhenAll(SendGridBatchesAsync(http, stoppingToken), TwilioCallbacksAsync(http, stoppingToken));
    }

    private async Task SendGridBatchesAsync(HttpClient http, CancellationToken stoppingToken)
    {
        while (await _sendGridEvents.Reader.WaitToReadAsync(stoppingToken))
        {
            var events = new List<Dictionary<string, object?>>();
            while (events.Count < SendGridBatchSize && _sendGridEvents.Reader.TryRead(out var e))
                events.Add(e);
            if (options.Value.SendGridEventWebhookUrl is { Length: > 0 } url)
                await Deliver(http, SendGridBatch(url, events), stoppingToken);
        }
    }

    private Task TwilioCallbacksAsync(HttpClient http, CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(_twilioStatuses.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = TwilioCallbacksInFlight, CancellationToken = stoppingToken },
            async (status, cancellationToken) => await Deliver(http, TwilioCallback(status), cancellationToken));

    private HttpRequestMessage SendGridBatch(string url, List<Dictionary<string, object?>> events)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(events);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", signer.SignSendGrid(timestamp, body));
        return request;
    }

    private HttpRequestMessage TwilioCallback(Report.TwilioStatus status)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = status.MessageSid,
            ["MessageStatus"] = status.Status,
            ["AccountSid"] = options.Value.TwilioAccountSid,
        };
        if (status.ErrorCode is not null)
            form["ErrorCode"] = status.ErrorCode;
        var request = new HttpRequestMessage(HttpMethod.Post, status.CallbackUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signer.SignTwilio(status.CallbackUrl, form));
        return request;
    }

    /// <summary>A worker that is down or too slow misses the report, as it would with a provider that gave up retrying.</summary>
    private async Task Deliver(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request, cancellationToken))
                if (!response.IsSuccessStatusCode)
                    logger.LogWarning("Webhook {Url} answered {Status}", request.RequestUri, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A worker too busy to answer within the client's timeout misses the report too, instead of stopping the stub.
            logger.LogWarning("Webhook {Url} unreachable: {Error}", request.RequestUri, e.Message);
        }
    }
}
