using System.ComponentModel.DataAnnotations;
using Booking.Data.Retention;

namespace Booking.Silo.Retention;

/// <summary>How the retention purge runs (<c>Booking:Retention</c>); the months per class are the tenants' settings.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Booking:Retention";

    /// <summary>How often personal data past retention is erased (also once at start).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Rows per transaction: each batch locks only its own rows, skipping any being changed.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = RetentionPurge.DefaultBatch;
}
