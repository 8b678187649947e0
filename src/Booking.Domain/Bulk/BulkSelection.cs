namespace Booking.Domain.Bulk;

/// <summary>
/// The bookings a bulk change is about: one clinic, optionally one service, local dates from <see cref="From"/> to
/// <see cref="Until"/> (inclusive), and optionally local hours from <see cref="FromTime"/> (inclusive) to
/// <see cref="UntilTime"/> (exclusive) on each of those dates. A whole closed day is the same date twice, no hours.
/// </summary>
public sealed record BulkSelection(Guid LocationId, string? ServiceCode, DateOnly From, DateOnly Until, TimeOnly? FromTime, TimeOnly? UntilTime)
{
    /// <summary>Whether a slot of <paramref name="serviceCode"/> starting at <paramref name="localStart"/> (the clinic's
    /// time) at <paramref name="locationId"/> is one of the selected: a move never lands there.</summary>
    public bool Contains(Guid locationId, string serviceCode, DateTime localStart)
    {
        if (locationId != LocationId || (ServiceCode is not null && ServiceCode != serviceCode))
            return false;
        var date = DateOnly.FromDateTime(localStart);
        var time = TimeOnly.FromDateTime(localStart);
        return date >= From && date <= Until
            && (FromTime is not { } from || time >= from)
            && (UntilTime is not { } until || time < until);
    }
}
