using Booking.Data.Bookings;
using Microsoft.Extensions.Options;

namespace Booking.Silo.Inventory;

/// <summary>
/// The silo's one committer of confirmed bookings, shared by all its clinic-days: confirmations of different clinics
/// and dates arriving together share a statement. A committer per clinic-day grouped only a hot clinic's burst; in a
/// campaign's opening the bookings spread over hundreds of clinic-days, so nearly every booking paid a statement of
/// its own. The insert gives each row its own outcome, so one clinic-day's refusal is never another's; a write that
/// fails (the database away) fails every booking in it, and each clinic-day concerned rebuilds from the database, as
/// it did alone.
/// </summary>
public sealed class BookingCommits(BookingRepository bookings, IOptions<InventoryOptions> options, InventoryMetrics metrics)
{
    private readonly GroupCommit<NewBooking, InsertOutcome> _commits =
        new(batch => bookings.InsertAsync(batch), options.Value.MaxCommitBatch, options.Value.ConcurrentCommits, metrics.Committed);

    public Task<InsertOutcome> Submit(NewBooking booking) => _commits.Submit(booking);
}
