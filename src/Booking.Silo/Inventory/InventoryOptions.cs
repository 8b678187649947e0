using System.ComponentModel.DataAnnotations;

namespace Booking.Silo.Inventory;

public sealed class InventoryOptions
{
    public const string Section = "Booking:Inventory";

    /// <summary>How long a held slot stays reserved while the citizen fills the form.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a clinic-day pushes changed availability to the index (and sweeps expired holds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Upper bound on confirmations written in one statement.</summary>
    [Range(1, 5000)]
    public int MaxCommitBatch { get; set; } = 500;
}
