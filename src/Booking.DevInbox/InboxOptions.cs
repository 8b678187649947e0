namespace Booking.DevInbox;

/// <summary>The stub's settings: where to send the providers' webhooks and the secrets to sign them with.</summary>
public sealed class InboxOptions
{
    public const string Section = "DevInbox";

    /// <summary>The worker's SendGrid Event Webhook URL; events are not sent when empty.</summary>
    public string SendGridEventWebhookUrl { get; set; } = "";

    /// <summary>Base64 PKCS#8 P-256 private key that signs SendGrid events; a new one is made when empty.</summary>
    public string SendGridSigningKey { get; set; } = "";

    public string TwilioAccountSid { get; set; } = "ACdev";
    public string TwilioAuthToken { get; set; } = "dev-auth-token";

    /// <summary>The worker's inbound SMS webhook (Twilio's "A message comes in"); <c>POST /dev/sms/inbound</c> needs it.</summary>
    public string TwilioInboundWebhookUrl { get; set; } = "";

    /// <summary>The platform's own number, to which citizens reply.</summary>
    public string TwilioNumber { get; set; } = "+15145550000";

    /// <summary>Off for throughput runs: the stub then only records.</summary>
    public bool SendWebhooks { get; set; } = true;
}
