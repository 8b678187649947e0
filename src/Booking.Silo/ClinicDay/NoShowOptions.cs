using System.ComponentModel.DataAnnotations;

namespace Booking.Silo.ClinicDay;

/// <summary>When the platform marks as absent the people nobody checked in (<c>Booking:NoShows</c>).</summary>
public sealed class NoShowOptions
{
    public const string Section = "Booking:NoShows";

    /// <summary>How long after a slot ends a person not checked in counts as a no-show: late arrivals and a front desk
    /// catching up are given this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan After { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often each silo looks for them.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back it looks: slots that ended longer ago than this (a platform stopped for days) stay unmarked.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "31.00:00:00")]
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(7);
}
