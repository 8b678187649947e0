-- What the platform's no-show sweep reads every minute: live bookings nobody checked in or marked yet, by when their
-- slot ends. The index holds only those, so it stays small as each day is marked.
create index bookings_awaiting_attendance on bookings (slot_end)
    where status = 'confirmed' and checked_in_at is null and no_show_at is null;
