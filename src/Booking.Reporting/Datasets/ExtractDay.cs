using Booking.Domain.Catalog;

namespace Booking.Reporting.Datasets;

/// <summary>A partition's day, in Québec time, and the instants that bound it (23 or 25 hours on a DST change).</summary>
public sealed record ExtractDay(DateOnly Date, DateTimeOffset From, DateTimeOffset To)
{
    public static ExtractDay Of(DateOnly date) => new(date, StartOf(date), StartOf(date.AddDays(1)));

    /// <summary>Yesterday in Québec at <paramref name="now"/>: the partition the job builds.</summary>
    public static ExtractDay Yesterday(DateTimeOffset now) => Of(QuebecTime.DateOf(QuebecTime.Zone, now).AddDays(-1));

    private static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, QuebecTime.Zone.GetUtcOffset(local));
    }
}
