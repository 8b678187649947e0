using System.ComponentModel.DataAnnotations;

namespace Booking.Web.Feed;

/// <summary>The open availability feed (<c>AvailabilityFeed:*</c>): where the site is reached from outside, how many
/// days it covers and how often it is rebuilt.</summary>
public sealed class AvailabilityFeedOptions : IValidatableObject
{
    public const string Section = "AvailabilityFeed";

    /// <summary>The citizen site's public address (e.g. <c>https://rendezvous.example.qc.ca/</c>): the feed's links and
    /// booking deep links are absolute, and a request's own Host header must not decide what every client is sent.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Days published, from today (Québec time).</summary>
    [Range(1, 60)]
    public int Days { get; set; } = 14;

    /// <summary>How long one edition is served before it is rebuilt: clients poll every minute or more, and a rebuild
    /// reads every service-day of the period.</summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><see cref="PublicBaseUrl"/> as a URI ending in a slash, so that relative paths resolve under it.</summary>
    public Uri BaseUri => new(PublicBaseUrl.EndsWith('/') ? PublicBaseUrl : PublicBaseUrl + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            yield return new ValidationResult("AvailabilityFeed:PublicBaseUrl must be an absolute http(s) address without query or fragment.",
                [nameof(PublicBaseUrl)]);
        if (Refresh < TimeSpan.FromSeconds(1) || Refresh > TimeSpan.FromHours(1))
            yield return new ValidationResult("AvailabilityFeed:Refresh must be between 00:00:01 and 01:00:00.", [nameof(Refresh)]);
    }
}
