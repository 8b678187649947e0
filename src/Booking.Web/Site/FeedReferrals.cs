using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Booking.ServiceDefaults.Metrics;

namespace Booking.Web.Site;

/// <summary>
/// Seats held on the site by visitors a slot finder sent (the <c>source</c> its deep link carried), counted by source
/// in the metric <c>booking.referred_holds</c> (the platform's meter, served at <c>/metrics</c>): what the open
/// availability feed brings, with nothing stored about the visitor. The finder's <c>booking-referral</c> handle is not
/// kept: tied to a booking it would let a third party follow a citizen.
/// </summary>
public sealed partial class FeedReferrals
{
    public const string InstrumentName = "booking.referred_holds";

    private readonly Counter<long> _seats;

    public FeedReferrals(IMeterFactory meters) =>
        _seats = meters.Create(PlatformMetrics.MeterName).CreateCounter<long>(InstrumentName, "{seat}", "Seats held by visitors a slot finder's deep link sent, by source");

    public void SeatsHeld(string? source, int seats)
    {
        if (string.IsNullOrEmpty(source))
            return;
        _seats.Add(seats, new KeyValuePair<string, object?>("source", Named(source)));
    }

    // A source names a finder; anything else counts as "other", so arbitrary text cannot become a series of its own.
    private static string Named(string source) => SourceName().IsMatch(source) ? source.ToLowerInvariant() : "other";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SourceName();
}
