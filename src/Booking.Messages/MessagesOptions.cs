using System.ComponentModel.DataAnnotations;

namespace Booking.Messages;

/// <summary>Bound from <c>Booking</c> (<c>Booking:PublicBaseUrl</c>) and <c>Booking:Messages</c>.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Booking:Messages";

    /// <summary>The citizen site's address, the start of every manage link.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The staff site's address, linked from the e-mails staff receive about their account.</summary>
    [Required, Url]
    public string StaffSiteUrl { get; set; } = "http://127.0.0.1:5082";

    /// <summary>How long clinics, services and templates are reused before being read again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ReferenceCacheDuration { get; set; } = TimeSpan.FromSeconds(60);
}
