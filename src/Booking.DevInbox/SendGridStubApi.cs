using System.Text.Json;
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
        // A document, not a JsonNode tree: the stub reads a handful of fields of each 10 KB request, at 1 000/s.
        using var mail = await ReadAsync(request, cancellationToken);
        if (mail is null || Parse(mail.RootElement) is not { } message)
            return Errors(StatusCodes.Status400BadRequest, "A JSON body with personalizations[0].to, custom_args.idempotency_key and base64 attachment contents is required by this stub");

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
                return Accept(response, store, webhooks, message, bounce: true);
        }
        return Accept(response, store, webhooks, message, bounce: false);
    }

    private static StatusCodeHttpResult Accept(HttpResponse response, InboxStore store, WebhookSender webhooks, RecordedMessage message, bool bounce)
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

    private static async Task<JsonDocument?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <returns>The message, or null when it lacks a recipient or an idempotency key, or an attachment is not base64.</returns>
    private static RecordedMessage? Parse(JsonElement mail)
    {
        var personalization = Property(mail, "personalizations") is { ValueKind: JsonValueKind.Array } all && all.GetArrayLength() > 0 ? all[0] : default;
        var args = Property(personalization, "custom_args") ?? Property(mail, "custom_args");
        var key = Text(args, "idempotency_key");
        var to = Property(personalization, "to") is { ValueKind: JsonValueKind.Array } recipients && recipients.GetArrayLength() > 0
            ? Text(recipients[0], "email") : null;
        if (key is null || to is null)
            return null;

        string? Content(string type) => Property(mail, "content") is { ValueKind: JsonValueKind.Array } parts
            ? parts.EnumerateArray().Where(part => Text(part, "type") == type).Select(part => Text(part, "value")).FirstOrDefault()
            : null;
        var attachments = new List<RecordedAttachment>();
        if (Property(mail, "attachments") is { ValueKind: JsonValueKind.Array } files)
            foreach (var file in files.EnumerateArray())
            {
                if (Property(file, "content") is not { ValueKind: JsonValueKind.String } content || !content.TryGetBytesFromBase64(out var bytes))
                    return null;
                attachments.Add(new RecordedAttachment(Text(file, "filename") ?? "attachment", Text(file, "type") ?? "application/octet-stream", bytes, Text(file, "content_id")));
            }
        return new RecordedMessage("sg-" + Guid.NewGuid().ToString("N"), Channel, key, Text(args, "booking_id"), Text(args, "language"), to,
            Text(personalization, "subject") ?? Text(mail, "subject"), Content("text/plain"), Content("text/html"), attachments, DateTimeOffset.UtcNow);
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) && property.ValueKind != JsonValueKind.Null
            ? property : null;

    private static string? Text(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

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
