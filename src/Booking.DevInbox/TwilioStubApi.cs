using System.Text;
using Microsoft.Extensions.Options;

namespace Booking.DevInbox;

/// <summary>Twilio's <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>: form-encoded, basic auth, 201 with the
/// message resource, then signed status callbacks to the given <c>StatusCallback</c>.</summary>
public static class TwilioStubApi
{
    public const string Channel = "sms";

    public static IEndpointRouteBuilder MapTwilioStubApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", Send);
        return app;
    }

    private static async Task<IResult> Send(string accountSid, HttpRequest request, InboxStore store, ProviderFaults faults,
        WebhookSender webhooks, IOptions<InboxOptions> options, CancellationToken cancellationToken)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Value.TwilioAccountSid}:{options.Value.TwilioAuthToken}"));
        if (accountSid != options.Value.TwilioAccountSid || request.Headers.Authorization != expected)
            return Error(StatusCodes.Status401Unauthorized, 20003, "Authenticate");
        if (!request.HasFormContentType)
            return Error(StatusCodes.Status400BadRequest, 21602, "Message body is required.");
        var form = await request.ReadFormAsync(cancellationToken);
        string? to = form["To"], body = form["Body"], callback = form["StatusCallback"];
        var key = request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrEmpty(to) || string.IsNullOrEmpty(body) || key.Length == 0)
            return Error(StatusCodes.Status400BadRequest, 21604, "'To', 'Body' and (in this stub) an Idempotency-Key header are required.");

        var fault = faults.Next(Channel);
        switch (fault)
        {
            case FaultMode.ServerError:
                return Error(StatusCodes.Status503ServiceUnavailable, 20503, "Service unavailable (stubbed outage)");
            case FaultMode.Slow:
                await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                break;
            case FaultMode.Reject:
                return Error(StatusCodes.Status400BadRequest, 21211, "The 'To' number is not a valid phone number.");
        }

        var query = callback is null ? null : QueryOf(callback);
        var message = new RecordedMessage("SM" + Guid.NewGuid().ToString("N"), Channel, key, query?.GetValueOrDefault("b"), query?.GetValueOrDefault("l"),
            to, null, body, null, [], DateTimeOffset.UtcNow);
        var (stored, isNew) = store.Record(message);
        if (isNew && callback is not null)
        {
            var failed = fault == FaultMode.Bounce;
            stored.Status = failed ? "failed" : "delivered";
            webhooks.Enqueue(new Report.TwilioStatus(callback, stored.ProviderId, "sent", null));
            webhooks.Enqueue(new Report.TwilioStatus(callback, stored.ProviderId, failed ? "undelivered" : "delivered", failed ? "30003" : null));
        }
        return TypedResults.Json(new { sid = stored.ProviderId, account_sid = accountSid, to, body = stored.TextBody, status = "queued" }, statusCode: StatusCodes.Status201Created);
    }

    private static Dictionary<string, string> QueryOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString())
            : [];

    // The body is an anonymous type: its JsonHttpResult cannot be named, so the helper answers an IResult.
#pragma warning disable CA1859
    private static IResult Error(int status, int code, string message) =>
        TypedResults.Json(new { code, message, status }, statusCode: status);
#pragma warning restore CA1859
}
