using System.ComponentModel.DataAnnotations;

namespace Booking.Silo.Bulk;

public sealed class BulkJobOptions
{
    public const string Section = "Booking:BulkJobs";

    /// <summary>Items taken from a job per round: one plan, one grain call and one statement per target clinic-day.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>How long a runner holds a job without renewing; a job whose runner died resumes elsewhere after this.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle runner looks for a job.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rounds a booking may find its seat taken (by citizens meanwhile) before it is left where it is, unplaced.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Clinic-days written to at once.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;
}
