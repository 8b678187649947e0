using System.Security.Claims;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Offer;
using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using Booking.Grains;
using Booking.Grains.Inventory;
using Booking.Staff.Access;
using Microsoft.Extensions.Logging;

namespace Booking.Staff.Offer;

public abstract record ScheduleSaveResult
{
    public sealed record Saved : ScheduleSaveResult;
    /// <summary>The change would leave these bookings without a seat: nothing was saved.</summary>
    public sealed record Refused(IReadOnlyList<StrandedBooking> Bookings) : ScheduleSaveResult;
    /// <summary>What the change replaces was changed by someone else since the form was opened: nothing was saved.</summary>
    public sealed record Stale : ScheduleSaveResult;
    /// <summary>Another change of this clinic's schedule is being saved right now: nothing was saved.</summary>
    public sealed record Busy : ScheduleSaveResult;
    /// <summary>A clinic-day did not answer in time: nothing was saved.</summary>
    public sealed record Unavailable : ScheduleSaveResult;
    public sealed record NotFound : ScheduleSaveResult;
}

/// <summary>
/// Saves a change of a clinic's schedule so that it is live at once and never strands a booking (see
/// docs/decisions/0005). The clinic is marked; every awake clinic-day the change alters checks its seats (confirmations
/// under way included) and narrows to what both schedules allow, in one grain turn; the bookings in PostgreSQL are
/// checked for the other days; then the change commits with its audit entry and the mark ends, and the clinic-days read
/// their schedule again. Any booking that would lose its seat refuses the whole change.
/// </summary>
public sealed class ScheduleChanges(
    StaffAccess access,
    CatalogRepository catalog,
    ScheduleRepository schedules,
    ScheduleChangeMarks marks,
    BookingRepository bookings,
    StrandedBookings stranded,
    ActiveGrains active,
    GrainReferences grains,
    TimeProvider clock,
    ILogger<ScheduleChanges> logger)
{
    /// <summary>How long clinic-days stay narrowed if the staff site never tells them the outcome (it died mid-change).</summary>
    public static readonly TimeSpan ProposalLifetime = TimeSpan.FromSeconds(60);

    public async Task<ScheduleSaveResult> SaveAsync(ClaimsPrincipal user, OfferActor actor, Guid locationId, ScheduleEdit edit,
        CancellationToken cancellationToken = default)
    {
        if (!await access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfLocation(locationId), cancellationToken) || await catalog.LocationAsync(locationId, cancellationToken) is not { } location)
            return new ScheduleSaveResult.NotFound();
        var before = await schedules.ReadAsync(locationId, location.DateOf(clock.GetUtcNow()).AddDays(-1), cancellationToken);
        if (!edit.IsCurrentIn(before))
            return new ScheduleSaveResult.Stale();
        var plan = new SchedulePlan(location, before, edit.ApplyTo(before), location.DateOf(clock.GetUtcNow()));
        if (plan.Days.Count == 0)
            return await schedules.SaveAsync(location.TenantId, locationId, before, edit, actor, null, cancellationToken)
                ? new ScheduleSaveResult.Saved() : new ScheduleSaveResult.Stale();

        var changeId = Guid.CreateVersion7();
        if (await marks.TryMarkAsync(locationId, changeId, ProposalLifetime, cancellationToken) is not { } mark)
            return new ScheduleSaveResult.Busy();
        var committed = false;
        try
        {
            var strandedIds = await ProposeToAwakeDaysAsync(plan, mark);
            strandedIds.UnionWith(await StrandedInDatabaseAsync(plan, cancellationToken));
            if (strandedIds.Count > 0)
                return new ScheduleSaveResult.Refused(await DescribeAsync(plan, strandedIds, cancellationToken));
            committed = await schedules.SaveAsync(location.TenantId, locationId, before, edit, actor, changeId, cancellationToken);
            return committed ? new ScheduleSaveResult.Saved() : new ScheduleSaveResult.Stale();
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            logger.LogWarning(e, "A clinic-day of {Location} did not answer a schedule change; nothing was saved", locationId);
            return new ScheduleSaveResult.Unavailable();
        }
        finally
        {
            // The mark goes first: a clinic-day woken after its reload must not find it and narrow itself again.
            if (!committed)
                await marks.ClearAsync(locationId, changeId, CancellationToken.None);
            await SettleAsync(plan, changeId, committed);
        }
    }

    /// <summary>Each awake clinic-day the change alters checks its own seats and narrows (see <see cref="ILocationDayGrain.ProposeSchedule"/>).</summary>
    private async Task<HashSet<(Guid Booking, string Service, DateTimeOffset Start)>> ProposeToAwakeDaysAsync(SchedulePlan plan, PendingScheduleChange mark)
    {
        var awake = (await active.ClinicDaysAsync(plan.Location.Id)).Where(day => plan.Changes(day.Date)).ToList();
        var answers = await Task.WhenAll(awake.Select(day => Day(day).ProposeSchedule(new ScheduleProposal(mark.ChangeId,
            plan.After(day.Date).Select(s => new ProposedSlot(s.ServiceCode, s.Start, s.End, s.Capacity)).ToList(), mark.Until))));
        return answers.SelectMany(slots => slots).SelectMany(slot => slot.BookingIds.Select(id => (id, slot.ServiceCode, slot.Start))).ToHashSet();
    }

    /// <summary>The bookings in PostgreSQL of every changed day, against the same rule: a day asleep has nothing else.</summary>
    private async Task<IEnumerable<(Guid Booking, string Service, DateTimeOffset Start)>> StrandedInDatabaseAsync(SchedulePlan plan,
        CancellationToken cancellationToken)
    {
        var (from, until) = plan.Span;
        var now = clock.GetUtcNow();
        return (await bookings.SeatsAsync(plan.Location.Id, from, until, cancellationToken))
            .GroupBy(seat => plan.Location.DateOf(seat.Slot.Start))
            .Where(day => plan.Changes(day.Key))
            .SelectMany(day => Rescheduling.Conflicts(plan.Before(day.Key), plan.After(day.Key), day, now))
            .SelectMany(slot => slot.BookingIds.Select(id => (id, slot.Slot.ServiceCode, slot.Slot.Start.ToUniversalTime())));
    }

    private async Task<IReadOnlyList<StrandedBooking>> DescribeAsync(SchedulePlan plan, HashSet<(Guid Booking, string Service, DateTimeOffset Start)> found,
        CancellationToken cancellationToken)
    {
        var codes = await stranded.CodesAsync(plan.Location.Id, found.Select(f => f.Booking).ToList(), cancellationToken);
        return found.DistinctBy(f => f.Booking)
            .Select(f => new StrandedBooking(codes.GetValueOrDefault(f.Booking), f.Service, f.Start))
            .OrderBy(b => b.Start).ThenBy(b => b.ConfirmationCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Tells every awake clinic-day of the clinic the outcome, so each reads its schedule again (one woken during the
    /// change is narrowed too, whatever its date). Once committed, the changed days an availability index is showing are
    /// woken as well, so the index hears of them at once. A clinic-day that cannot be told widens by itself when the
    /// proposal's time runs out; until then it offers less, never more.
    /// </summary>
    private async Task SettleAsync(SchedulePlan plan, Guid changeId, bool committed)
    {
        try
        {
            var days = (await active.ClinicDaysAsync(plan.Location.Id)).ToHashSet();
            if (committed)
                days.UnionWith((await active.ServiceDaysAsync())
                    .Where(index => plan.Changes(index.Date) && plan.ServicesOn(index.Date).Contains(index.ServiceCode))
                    .Select(index => new LocationDayKey(plan.Location.Id, index.Date)));
            await Task.WhenAll(days.Select(async day =>
            {
                try
                {
                    await Day(day).ScheduleSettled(changeId);
                }
                catch (Exception e) when (e is TimeoutException or OrleansException)
                {
                    logger.LogWarning(e, "{Day} was not told the outcome of schedule change {Change}; it will read its schedule again by itself", day, changeId);
                }
            }));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            logger.LogWarning(e, "The clinic-days of {Location} were not told the outcome of schedule change {Change}", plan.Location.Id, changeId);
        }
    }

    private ILocationDayGrain Day(LocationDayKey key) => grains.Get<ILocationDayGrain>(key.ToString());
}
