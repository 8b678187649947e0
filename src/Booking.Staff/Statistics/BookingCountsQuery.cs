using Booking.Data.Staff;
using Booking.Staff.Access;

namespace Booking.Staff.Statistics;

/// <summary>How many bookings each clinic has per service, over the clinics where a staff member may read figures
/// (<see cref="StaffPermission.ViewStatistics"/>). Aggregates only: no booking, no citizen, nothing sealed is read,
/// so it writes nothing to the personal-data access log.</summary>
public sealed class BookingCountsQuery(StaffBookingRepository bookings)
{
    public Task<IReadOnlyList<BookingCount>> ForPeriodAsync(Guid staffUserId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        bookings.CountAsync(StaffAccess.Grantee(staffUserId, StaffPermission.ViewStatistics), from, to, cancellationToken);
}
