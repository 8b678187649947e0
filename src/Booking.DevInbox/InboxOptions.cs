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

    /// <summary>Off for throughput runs: the stub then only records.</summary>
    public bool SendWebhooks { get; set; } = true;
}
