using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Booking.DevInbox;

/// <summary>A citizen's SMS to the platform's number, as Twilio would deliver it: a signed form POST to the worker's
/// inbound webhook. The reply the worker answers with (TwiML) is recorded like any SMS sent to that phone.</summary>
public static class InboundSmsApi
{
    /// <param name="MessageSid">Twilio's id for the inbound message; a new one when absent. Send the same one twice to
    /// play a redelivery.</param>
    public sealed record InboundSms(string From, string Body, string? MessageSid);

    /// <param name="Status">What the worker answered (HTTP status).</param>
    /// <param name="Reply">The SMS it answered with, if any.</param>
    public sealed record InboundResult(int Status, string MessageSid, string? Reply);

    public static IEndpointRouteBuilder MapInboundSmsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/sms/inbound", Send);
        return app;
    }

    private static async Task<Results<Ok<InboundResult>, BadRequest<string>>> Send(InboundSms sms, IHttpClientFactory clients, WebhookSigner signer,
        InboxStore store, IOptions<InboxOptions> options, CancellationToken cancellationToken)
    {
        var url = options.Value.TwilioInboundWebhookUrl;
        if (url.Length == 0)
            return TypedResults.BadRequest("DevInbox:TwilioInboundWebhookUrl is not set.");
        if (string.IsNullOrWhiteSpace(sms.From))
            return TypedResults.BadRequest("from is required.");
        var sid = sms.MessageSid is { Length: > 0 } given ? given : "SM" + Guid.NewGuid().ToString("N");
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["SmsSid"] = sid,
            ["AccountSid"] = options.Value.TwilioAccountSid,
            ["From"] = sms.From,
            ["To"] = options.Value.TwilioNumber,
            ["Body"] = sms.Body ?? "",
            ["NumMedia"] = "0",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signer.SignTwilio(url, form));
        using var response = await clients.CreateClient(nameof(WebhookSender)).SendAsync(request, cancellationToken);
        var reply = response.IsSuccessStatusCode ? MessageOf(await response.Content.ReadAsStringAsync(cancellationToken)) : null;
        if (reply is not null)
            store.Record(new RecordedMessage("SM" + Guid.NewGuid().ToString("N"), TwilioStubApi.Channel, "reply-" + sid, null, null,
                sms.From, null, reply, null, [], DateTimeOffset.UtcNow)
            { Status = "delivered" });
        return TypedResults.Ok(new InboundResult((int)response.StatusCode, sid, reply));
    }

    /// <summary>The text of the TwiML response's &lt;Message&gt;, if it has one.</summary>
    private static string? MessageOf(string twiml)
    {
        try
        {
            return XDocument.Parse(twiml).Root?.Element("Message")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
