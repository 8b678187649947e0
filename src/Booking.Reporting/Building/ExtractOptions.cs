using System.ComponentModel.DataAnnotations;

namespace Booking.Reporting.Building;

/// <summary>The ministry's extracts (section <c>Extracts</c>).</summary>
public sealed class ExtractOptions
{
    public const string Section = "Extracts";

    /// <summary>Counts under this are suppressed in every aggregate.</summary>
    [Range(1, 1000)] public int SuppressionThreshold { get; set; } = 5;

    /// <summary>How often the job looks whether yesterday's partition is built; it builds it once, at the first look
    /// after midnight (Québec time), and again on a later look after a failure.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether this process runs the job (the notification worker does by default).</summary>
    public bool BuildDaily { get; set; } = true;
}
