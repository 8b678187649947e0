namespace Booking.Domain.WaitingRooms;

/// <summary>
/// How long admitted visitors waited, as counts per bucket: by the second under a minute, by ten seconds under ten
/// minutes, by the minute under three hours, then one bucket for longer. A day's whole campaign fits in a few hundred
/// numbers, so the room keeps no wait per ticket; a percentile read back is its bucket's lower bound.
/// </summary>
public sealed class WaitHistogram
{
    public const int Buckets = 285;

    private readonly long[] _counts;

    public WaitHistogram() => _counts = new long[Buckets];

    /// <summary>Counts saved before (<see cref="Counts"/>), to go on after a restart.</summary>
    public WaitHistogram(IReadOnlyList<long> counts)
    {
        _counts = new long[Buckets];
        for (var i = 0; i < Math.Min(Buckets, counts.Count); i++)
            _counts[i] = counts[i];
    }

    public long[] Counts => (long[])_counts.Clone();

    public long Total => _counts.Sum();

    public void Add(long waitSeconds) => _counts[BucketOf(Math.Max(0, waitSeconds))]++;

    /// <summary>The wait under which a share <paramref name="q"/> (0.5: the median) of the visitors were admitted, to the
    /// bucket; null when nobody was.</summary>
    public int? Percentile(double q)
    {
        var total = Total;
        if (total == 0)
            return null;
        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return LowerBound(i);
        }
        return LowerBound(Buckets - 1);
    }

    private static int BucketOf(long seconds) => seconds switch
    {
        < 60 => (int)seconds,
        < 600 => 60 + (int)((seconds - 60) / 10),
        < 10_800 => 114 + (int)((seconds - 600) / 60),
        _ => Buckets - 1,
    };

    private static int LowerBound(int bucket) => bucket switch
    {
        < 60 => bucket,
        < 114 => 60 + (bucket - 60) * 10,
        < Buckets - 1 => 600 + (bucket - 114) * 60,
        _ => 10_800,
    };
}
