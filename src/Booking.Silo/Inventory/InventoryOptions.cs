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

    /// <summary>How many booking statements a silo has in flight at once; confirmations arriving meanwhile wait and
    /// share the next one. More keeps more of PostgreSQL's cores busy, fewer makes larger (cheaper per booking) groups.</summary>
    [Range(1, 64)]
    public int ConcurrentCommits { get; set; } = 2;

    /// <summary>How long a seat freed for the waiting list is held for the person offered it, before it goes to the next.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan WaitingListOffer { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many offers of one seat in a day: a seat freed and retaken again and again stops being offered.</summary>
    [Range(1, 100)]
    public int WaitingListOffersPerSeatPerDay { get; set; } = 5;

    /// <summary>After finding nobody waiting for a service here, how long before asking again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan WaitingListQuietCheck { get; set; } = TimeSpan.FromSeconds(5);
}
