using System.Globalization;

namespace Booking.LoadTest.Arrivals;

/// <summary>Journeys started per second, from <paramref name="From"/> at the start of the run to <paramref name="To"/>
/// at its end, linearly: k6's <c>constant-arrival-rate</c> when both are equal, else its <c>ramping-arrival-rate</c>
/// with one stage.</summary>
public sealed record ArrivalRate(double From, double To)
{
    public double Peak => Math.Max(From, To);

    public override string ToString() => From == To
        ? string.Create(CultureInfo.InvariantCulture, $"{From:0.##} journeys/s")
        : string.Create(CultureInfo.InvariantCulture, $"{From:0.##} → {To:0.##} journeys/s, linearly");

    /// <summary>"500" (constant) or "100..1000" (ramping over the run).</summary>
    public static ArrivalRate Parse(string text)
    {
        var parts = text.Split("..");
        if (parts.Length is 1 or 2 && parts.All(p => double.TryParse(p, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)))
        {
            var rates = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            var rate = new ArrivalRate(rates[0], rates[^1]);
            if (rate.Peak > 0)
                return rate;
        }
        throw new UsageException($"--rate '{text}' must be journeys per second, e.g. 500, or a ramp over the run, e.g. 100..1000.");
    }

    /// <summary>Journeys planned over <paramref name="duration"/>: the area under the rate.</summary>
    public long Planned(TimeSpan duration) => (long)Math.Floor((From + To) / 2 * duration.TotalSeconds + 1e-9);

    /// <summary>When the <paramref name="n"/>-th journey (from 0) starts: the instant at which <paramref name="n"/> journeys
    /// are due, so the first starts at once; null once the run is over.</summary>
    public TimeSpan? ArrivalAt(long n, TimeSpan duration)
    {
        if (n >= Planned(duration))
            return null;
        // Due journeys by time t: From·t + (To − From)·t²/(2T); solved for t.
        var seconds = duration.TotalSeconds;
        var a = (To - From) / (2 * seconds);
        var t = Math.Abs(a) < 1e-12 ? n / From : (-From + Math.Sqrt(From * From + 4 * a * n)) / (2 * a);
        return TimeSpan.FromTicks((long)Math.Round(Math.Min(t, seconds) * TimeSpan.TicksPerSecond));
    }
}
