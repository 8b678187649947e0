using System.ComponentModel.DataAnnotations;
using Booking.Data.Audit;

namespace Booking.Silo.Audit;

/// <summary>How the personal-data access log is sealed and purged (<c>Booking:AccessLog</c>).</summary>
public sealed class AccessLogOptions
{
    public const string Section = "Booking:AccessLog";

    /// <summary>Months an access record is kept; the ministry's directive asks 12 at least (the database refuses less).</summary>
    [Range(AccessLogRetention.MinimumMonths, 1200)]
    public int RetentionMonths { get; set; } = 12;

    /// <summary>How often new rows are sealed into the hash chain: the window in which a row is not yet tamper-evident.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often rows past retention are purged (also once at start).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromDays(1);
}
