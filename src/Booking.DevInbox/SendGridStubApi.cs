using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.DevInbox;

/// <summary>SendGrid v3 <c>POST /v3/mail/send</c>, enough for the official SDK: 202 with <c>X-Message-Id</c>.</summary>
public static class SendGridStubApi
{
    public const string Channel = "email";

    public static IEndpointRouteBuilder MapSendGridStubApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v3/mail/send", Send);
        return app;
    }

    private static async Task<IResult> Send(HttpRequest request, HttpResponse response, InboxStore store, ProviderFaults faults,
        WebhookSender webhooks, CancellationToken cancellationToken)
    {
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            return Errors(StatusCodes.Status401Unauthorized, "The provided authorization grant is invalid, expired, or revoked");
        var mail = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        var personalization = mail?["personalizations"]?[0];
        var args = (personalization?["custom_args"] ?? mail?["custom_args"]) as JsonObject;
        var key = args?["idempotency_key"]?.GetValue<string>();
        var to = personalization?["to"]?[0]?["email"]?.GetValue<string>();
        if (mail is null || key is null || to is null)
            return Errors(StatusCodes.Status400BadRequest, "personalizations[0].to and custom_args.idempotency_key are required by this stub");

        switch (faults.Next(Channel))
        {
            case FaultMode.ServerError:
                return Errors(StatusCodes.Status503ServiceUnavailable, "stubbed outage");
            case FaultMode.Slow:
                await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                break;
            case FaultMode.Reject:
                return Errors(StatusCodes.Status400BadRequest, "Does not contain a valid address.");
            case FaultMode.Bounce:
                return Accept(response, store, webhooks, Parse(mail, personalization!, key, to, args!), bounce: true);
        }
        return Accept(response, store, webhooks, Parse(mail, personalization!, key, to, args!), bounce: false);
    }

    private static IResult Accept(HttpResponse response, InboxStore store, WebhookSender webhooks, RecordedMessage message, bool bounce)
    {
        var (stored, isNew) = store.Record(message);
        response.Headers["X-Message-Id"] = stored.ProviderId;
        if (isNew)
        {
            stored.Status = bounce ? "bounced" : "delivered";
            webhooks.Enqueue(new Report.SendGridEvent(Event(stored, "processed")));
            webhooks.Enqueue(new Report.SendGridEvent(Event(stored, bounce ? "bounce" : "delivered")));
        }
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    private static RecordedMessage Parse(JsonNode mail, JsonNode personalization, string key, string to, JsonObject args)
    {
        string? Content(string type) => mail["content"]?.AsArray().FirstOrDefault(c => c?["type"]?.GetValue<string>() == type)?["value"]?.GetValue<string>();
        var attachments = mail["attachments"]?.AsArray().Select(a => new RecordedAttachment(
            a!["filename"]!.GetValue<string>(), a["type"]?.GetValue<string>() ?? "application/octet-stream",
            a["content"]!.GetValue<string>(), a["content_id"]?.GetValue<string>())).ToList() ?? [];
        return new RecordedMessage("sg-" + Guid.NewGuid().ToString("N"), Channel, key, args["booking_id"]?.GetValue<string>(),
            args["language"]?.GetValue<string>(), to, (personalization["subject"] ?? mail["subject"])?.GetValue<string>(), Content("text/plain"), Content("text/html"),
            attachments, DateTimeOffset.UtcNow);
    }

    private static Dictionary<string, object?> Event(RecordedMessage message, string name) => new()
    {
        ["email"] = message.To,
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = name,
        ["sg_message_id"] = message.ProviderId,
        ["idempotency_key"] = message.IdempotencyKey,
        ["booking_id"] = message.BookingId,
        ["reason"] = name == "bounce" ? "550 5.1.1 The email account that you tried to reach does not exist" : null,
    };

    private static JsonHttpResult<object> Errors(int status, string message) =>
        TypedResults.Json<object>(new { errors = new[] { new { message, field = (string?)null } } }, (JsonSerializerOptions?)null, statusCode: status);
}
