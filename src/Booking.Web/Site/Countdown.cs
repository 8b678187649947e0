namespace Booking.Web.Site;

/// <summary>How long a hold has left, as the page shows it (and as <c>wwwroot/js/site.js</c> updates it each second).</summary>
public static class Countdown
{
    public static string Format(TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero)
            return "0 min 00 s";
        var seconds = (int)Math.Ceiling(remaining.TotalSeconds);
        return $"{seconds / 60} min {seconds % 60:00} s";
    }
}
