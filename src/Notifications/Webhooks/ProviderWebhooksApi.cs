using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Notifications.Channels;
using Booking.Notifications.Extensions;
using Booking.Notifications.Replies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Webhooks;

/// <summary>What the providers call back: SendGrid's Event Webhook, Twilio's status callback and inbound SMS
/// (STOP / START). Every request is verified first; a forged one changes nothing.</summary>
public static class ProviderWebhooksApi
{
    public static IEndpointRouteBuilder MapProviderWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks");
        group.MapPost("/sendgrid/events", SendGridEvents);
        group.MapPost("/twilio/status", TwilioStatus);
        group.MapPost("/twilio/inbound", TwilioInbound);
        return app;
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest>> SendGridEvents(
        HttpRequest request, SendGridSignature signature, DeliveryReports reports, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        if (!signature.IsValid(body, request.Headers["X-Twilio-Email-Event-Webhook-Timestamp"], request.Headers["X-Twilio-Email-Event-Webhook-Signature"]))
            return TypedResults.Unauthorized();
        SendGridEvent[]? events;
        try
        {
            events = JsonSerializer.Deserialize<SendGridEvent[]>(body);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }
        var ours = new List<ProviderReport>();
        foreach (var e in events ?? [])
            if (Guid.TryParse(e.IdempotencyKey, out var id) && StatusOf(e.Event) is { } status)
                ours.Add(new ProviderReport(id, status, e.MessageId, e.Reason ?? e.Event));
        await reports.ApplyAsync(NotificationChannel.Email, ours, cancellationToken);
        return TypedResults.Ok();
    }

    private static string? StatusOf(string? sendGridEvent) => sendGridEvent switch
    {
        "processed" => NotificationStatus.Sent,
        "delivered" => NotificationStatus.Delivered,
        "bounce" or "dropped" => NotificationStatus.Bounced,
        _ => null,
    };

    private static async Task<Results<Ok, StatusCodeHttpResult, BadRequest>> TwilioStatus(
        HttpRequest request, IOptions<TwilioOptions> options, DeliveryReportGroupCommit reports, CancellationToken cancellationToken)
    {
        var form = await VerifiedForm(request, options.Value);
        if (form is null)
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        if (!Guid.TryParse(request.Query["n"], out var id))
            return TypedResults.BadRequest();
        var status = form.GetValueOrDefault("MessageStatus") switch
        {
            "queued" or "sending" or "sent" => NotificationStatus.Sent,
            "delivered" => NotificationStatus.Delivered,
            "undelivered" or "failed" => NotificationStatus.Failed,
            _ => null,
        };
        if (status is null)
            return TypedResults.Ok();
        try
        {
            await reports.ApplyAsync(NotificationChannel.Sms, new ProviderReport(id, status, form.GetValueOrDefault("MessageSid"),
                form.GetValueOrDefault("ErrorCode") is { Length: > 0 } code ? $"Twilio error {code}" : null), cancellationToken);
            return TypedResults.Ok();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The worker is stopping; Twilio retries a callback that was not answered with success.
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Carrier keywords: STOP (and its French forms) opts the number out, START opts it back in. Any other
    /// message is a reply to a reminder (<see cref="SmsReplyHandler"/>), answered in the TwiML response.</summary>
    private static async Task<Results<ContentHttpResult, StatusCodeHttpResult, BadRequest>> TwilioInbound(
        HttpRequest request, HttpResponse response, IOptions<TwilioOptions> options, SmsOptOuts optOuts, PersonalDataProtector protector,
        SmsReplyHandler replies, CancellationToken cancellationToken)
    {
        var form = await VerifiedForm(request, options.Value);
        if (form is null)
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        if (form.GetValueOrDefault("From") is not { Length: > 0 } from)
            return TypedResults.BadRequest();
        var keyword = form.GetValueOrDefault("Body")?.Trim().ToUpperInvariant();
        var fingerprint = protector.PhoneFingerprint(from);
        if (keyword is "STOP" or "ARRET" or "ARRÊT" or "STOPALL" or "UNSUBSCRIBE")
        {
            await optOuts.OptOutAsync(fingerprint, cancellationToken);
            return TwiMl(null);
        }
        if (keyword is "START" or "UNSTOP")
        {
            await optOuts.OptInAsync(fingerprint, cancellationToken);
            return TwiMl(null);
        }
        if (form.GetValueOrDefault("MessageSid") is not { Length: > 0 } messageSid)
            return TypedResults.BadRequest();
        try
        {
            return TwiMl(await replies.HandleAsync(messageSid, from, form.GetValueOrDefault("Body"), cancellationToken));
        }
        catch (CancellationUnavailableException)
        {
            // Nothing was kept: Twilio's retry of this message will act on it.
            response.Headers.RetryAfter = "30";
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Twilio's answer format: a reply to send back to the sender, or none.</summary>
    private static ContentHttpResult TwiMl(string? reply) => TypedResults.Content(
        reply is null
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>"
            : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{System.Security.SecurityElement.Escape(reply)}</Message></Response>",
        "text/xml");

    /// <summary>The form, if the Twilio signature over our public URL and the form matches; else null.</summary>
    private static async Task<Dictionary<string, string>?> VerifiedForm(HttpRequest request, TwilioOptions options)
    {
        if (!request.HasFormContentType)
            return null;
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var url = options.PublicBaseUrl.TrimEnd('/') + request.Path + request.QueryString;
        return TwilioSignature.IsValid(options.AuthToken, url, form, request.Headers["X-Twilio-Signature"]) ? form : null;
    }

    private sealed record SendGridEvent(
        [property: JsonPropertyName("event")] string? Event,
        [property: JsonPropertyName("sg_message_id")] string? MessageId,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName(EmailChannel.IdempotencyArg)] string? IdempotencyKey);
}
