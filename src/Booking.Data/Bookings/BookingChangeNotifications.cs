namespace Booking.Data.Bookings;

/// <summary>
/// The notification side of a booking change, as SQL fragments that join the change's own statement: the outbox
/// row and the reminders commit (or roll back) with the booking, in the same round trip.
/// </summary>
internal static class BookingChangeNotifications
{
    /// <summary>One outbox row per booking the CTE <paramref name="changed"/> returns (columns id, tenant_id and,
    /// for moves, previous_location_id, previous_slot_start).</summary>
    public static string Notify(string changed, string kindExpression, bool withPrevious = false) => $"""
        insert into notifications (id, tenant_id, booking_id, kind, category, previous_slot_start, previous_location_id)
        select gen_random_uuid(), c.tenant_id, c.id, {kindExpression}, 'transactional',
               {(withPrevious ? "c.previous_slot_start, c.previous_location_id" : "null::timestamptz, null::uuid")}
        from {changed} c
        """;

    /// <summary>The service's reminders for each booking the CTE <paramref name="changed"/> returns (columns id,
    /// service_code, slot_start); reminders already past are not scheduled.</summary>
    public static string ScheduleReminders(string changed) => $"""
        insert into reminders (booking_id, due_at)
        select c.id, c.slot_start - make_interval(mins => o.minutes)
        from {changed} c join services s on s.code = c.service_code
             cross join unnest(s.reminder_offsets_minutes) as o(minutes)
        where c.slot_start - make_interval(mins => o.minutes) > now()
        """;

    public static string CancelReminders(string changed) => $"""
        update reminders set status = 'cancelled'
        where status = 'pending' and booking_id in (select id from {changed})
        """;

    public static string CancellationKind(ChangedBy by) => by == ChangedBy.Clinic ? "BookingCancelledByClinic" : "BookingCancelledByCitizen";

    public static string MoveKind(ChangedBy by) => by == ChangedBy.Clinic ? "BookingMovedByClinic" : "BookingRescheduled";
}

/// <summary>Who changed a booking: the citizen (manage link) or the clinic (staff; the admin site is a later issue).
/// It decides which message the citizen receives.</summary>
public enum ChangedBy { Citizen, Clinic }
