using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.DevInbox;
using Booking.Notifications.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Tests;

/// <summary>Provider webhooks are believed only when signed: a forged one is refused and changes nothing. Inbound
/// STOP / ARRÊT opts a phone out of SMS (kept by fingerprint), START opts it back in.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class WebhookTests(DeliveryFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => fixture.Quiet();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _http.Dispose();

    private async Task<MessageDelivery> DeliveredConfirmation(bool email)
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen(email: email));
        return Assert.Single(await fixture.WaitFor(booking.Id, m => m.Any(x => x.Status == NotificationStatus.Delivered), "the confirmation"));
    }

    [Fact]
    public async Task A_twilio_report_arriving_while_the_worker_stops_is_refused_at_once_rather_than_left_waiting()
    {
        var groupCommit = new DeliveryReportGroupCommit(fixture.Worker.GetRequiredService<DeliveryReports>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DeliveryReportGroupCommit>.Instance);
        await groupCommit.StartAsync(CancellationToken.None);
        await groupCommit.StopAsync(CancellationToken.None);

        var late = new ProviderReport(Guid.NewGuid(), NotificationStatus.Delivered, "SMlate", null);

        // Refused, so the webhook answers 503 and Twilio sends it again; a hang would show as a TimeoutException.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            groupCommit.ApplyAsync(NotificationChannel.Sms, late, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_sendgrid_event_signed_with_another_key_is_refused_and_changes_nothing()
    {
        var message = await DeliveredConfirmation(email: true);
        var body = Encoding.UTF8.GetBytes($$"""[{"event":"bounce","idempotency_key":"{{message.Id}}","reason":"forged"}]""");
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var forgedSignature = Convert.ToBase64String(forger.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        foreach (var signature in new[] { forgedSignature, "", "not base64!" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{fixture.WorkerUrl}/webhooks/sendgrid/events") { Content = new ByteArrayContent(body) };
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", signature);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(request)).StatusCode);
        }

        var booking = Guid.Parse(Assert.Single(fixture.Stub.All(), m => m.IdempotencyKey == message.Id.ToString()).BookingId!);
        Assert.Equal(NotificationStatus.Delivered, Assert.Single(await fixture.MessagesOf(booking)).Status);
    }

    [Fact]
    public async Task A_twilio_callback_with_a_wrong_signature_is_refused_and_changes_nothing()
    {
        var message = await DeliveredConfirmation(email: false);
        var url = $"{fixture.WorkerUrl}/webhooks/twilio/status?n={message.Id}";
        var form = new Dictionary<string, string> { ["MessageSid"] = "SMforged", ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30003" };

        var wrongToken = await PostTwilio(url, form, TwilioSignature.Compute("not-the-token", url, form));
        var otherUrl = await PostTwilio(url, form, TwilioSignature.Compute(DeliveryFixture.TwilioToken, url + "&x=1", form));
        var unsigned = await PostTwilio(url, form, null);

        Assert.All([wrongToken, otherUrl, unsigned], status => Assert.Equal(HttpStatusCode.Forbidden, status));
        var booking = Guid.Parse(Assert.Single(fixture.Stub.All(), m => m.IdempotencyKey == message.Id.ToString()).BookingId!);
        Assert.Equal(NotificationStatus.Delivered, Assert.Single(await fixture.MessagesOf(booking)).Status);
    }

    [Fact]
    public async Task Stop_opts_a_phone_out_of_sms_and_start_opts_it_back_in()
    {
        var citizen = TestBookings.Citizen(email: false);
        Assert.Equal(HttpStatusCode.OK, await Inbound(citizen.Phone!, "Arrêt"));
        var fingerprint = fixture.Worker.GetRequiredService<PersonalDataProtector>().PhoneFingerprint(citizen.Phone!);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("select count(*) from sms_opt_outs where phone_fingerprint = @f", ("f", fingerprint)));

        var stopped = await fixture.Bookings.BookAsync(citizen);
        var refused = Assert.Single(await fixture.WaitFor(stopped.Id, m => m.Any(x => x.Status == NotificationStatus.Failed), "the refusal to text"));
        Assert.Contains("opted out", refused.LastError);
        Assert.Empty(fixture.StubMessagesOf(stopped.Id));

        Assert.Equal(HttpStatusCode.OK, await Inbound(citizen.Phone!, "START"));
        // Another person with the same phone: one person gets one flu shot a season.
        var resumed = await fixture.Bookings.BookAsync(TestBookings.Citizen(email: false) with { Phone = citizen.Phone });
        await fixture.WaitFor(resumed.Id, m => m.Any(x => x.Status == NotificationStatus.Delivered), "the SMS after START");
        Assert.Single(fixture.StubMessagesOf(resumed.Id));
    }

    [Fact]
    public async Task The_opt_out_table_never_holds_the_number()
    {
        const string phone = "+15145550199";
        await Inbound(phone, "STOP");

        var stored = await fixture.Database.ScalarAsync<byte[]>("select phone_fingerprint from sms_opt_outs order by opted_out_at desc limit 1");
        Assert.DoesNotContain("5145550199", Encoding.UTF8.GetString(stored));
        Assert.Equal(32, stored.Length);
    }

    [Fact]
    public async Task A_sendgrid_batch_is_applied_at_once_keeping_each_messages_final_news()
    {
        var stubWebhooks = fixture.Inbox.Services.GetRequiredService<IOptions<InboxOptions>>().Value;
        stubWebhooks.SendWebhooks = false; // this test plays SendGrid's part itself
        try
        {
            var (delivered, bounced) = (await SentEmail(), await SentEmail());
            string Event(Guid id, string name) => $$"""{"event":"{{name}}","idempotency_key":"{{id}}","sg_message_id":"sg-{{id:N}}","reason":"{{name}} reason"}""";
            var batch = Encoding.UTF8.GetBytes("[" + string.Join(",",
                Event(delivered.Id, "processed"), Event(delivered.Id, "delivered"), Event(delivered.Id, "bounce"),
                Event(bounced.Id, "processed"), Event(bounced.Id, "bounce"), Event(bounced.Id, "delivered"),
                Event(Guid.NewGuid(), "delivered"), """{"event":"delivered","idempotency_key":"not ours"}""", """{"event":"open"}""") + "]");

            Assert.Equal(HttpStatusCode.OK, await PostSendGrid(batch));

            // The first final news of each message wins, as when the same events come one request each.
            Assert.Equal(NotificationStatus.Delivered, (await MessageAsync(delivered)).Status);
            Assert.DoesNotContain(await fixture.MessagesOf(delivered.BookingId), m => m.Channel == "sms");
            var bounce = await MessageAsync(bounced);
            Assert.Equal(NotificationStatus.Bounced, bounce.Status);
            Assert.Equal("bounce reason", bounce.LastError);
            await fixture.WaitFor(bounced.BookingId, m => m.Any(x => x.Channel == "sms" && x.Status == NotificationStatus.Sent), "the SMS replacing the bounced e-mail");
        }
        finally
        {
            stubWebhooks.SendWebhooks = true;
        }
    }

    /// <summary>A confirmation e-mail the provider accepted and has not reported on yet.</summary>
    private async Task<(Guid Id, Guid BookingId)> SentEmail()
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen(email: true));
        var sent = Assert.Single(await fixture.WaitFor(booking.Id, m => m.Any(x => x.Status == NotificationStatus.Sent), "the e-mail to be sent"));
        return (sent.Id, booking.Id);
    }

    private async Task<MessageDelivery> MessageAsync((Guid Id, Guid BookingId) message) =>
        Assert.Single(await fixture.MessagesOf(message.BookingId), m => m.Id == message.Id);

    private async Task<HttpStatusCode> PostSendGrid(byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{fixture.WorkerUrl}/webhooks/sendgrid/events") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", fixture.Inbox.Services.GetRequiredService<WebhookSigner>().SignSendGrid(timestamp, body));
        return (await _http.SendAsync(request)).StatusCode;
    }

    private async Task<HttpStatusCode> Inbound(string from, string body)
    {
        var url = $"{fixture.WorkerUrl}/webhooks/twilio/inbound";
        var form = new Dictionary<string, string> { ["From"] = from, ["To"] = "+15145550000", ["Body"] = body, ["MessageSid"] = "SMin" };
        return await PostTwilio(url, form, TwilioSignature.Compute(DeliveryFixture.TwilioToken, url, form));
    }

    private async Task<HttpStatusCode> PostTwilio(string url, Dictionary<string, string> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
            request.Headers.Add("X-Twilio-Signature", signature);
        return (await _http.SendAsync(request)).StatusCode;
    }
}
