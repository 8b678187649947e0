using System.ComponentModel.DataAnnotations;

namespace Booking.Notifications.Extensions;

/// <summary>E-mail through SendGrid. <see cref="Host"/> points at the real API or at the local stub.</summary>
public sealed class SendGridOptions
{
    public const string Section = "Notifications:SendGrid";

    [Required] public string ApiKey { get; set; } = "";
    [Required, Url] public string Host { get; set; } = "https://api.sendgrid.com";
    [Required, EmailAddress] public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "Rendez-vous santé Québec";

    /// <summary>The Event Webhook's verification key (base64 DER public key, as SendGrid shows it).</summary>
    [Required] public string WebhookPublicKey { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>SMS through Twilio's Messages resource. <see cref="BaseUrl"/> points at the real API or at the local stub.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Notifications:Twilio";

    [Required] public string AccountSid { get; set; } = "";
    [Required] public string AuthToken { get; set; } = "";
    [Required, Url] public string BaseUrl { get; set; } = "https://api.twilio.com";
    [Required] public string From { get; set; } = "";

    /// <summary>This worker's public address, as Twilio calls it back (status callbacks; signatures cover the URL).</summary>
    [Required, Url] public string PublicBaseUrl { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
