-- The clinic's day: who came (checked in, when, by whom) and who did not (a no-show, marked by staff or by the
-- platform a while after the slot ended). Both are facts about the booking, so they live on its row; a person marked
-- absent who then arrives late is checked in, which takes the mark away.
alter table bookings
    add column checked_in_at  timestamptz,
    add column checked_in_by  text,
    add column no_show_at     timestamptz,
    add column no_show_by     text,
    add constraint bookings_attended_or_absent check (checked_in_at is null or no_show_at is null),
    add constraint bookings_checked_in_by_whom check ((checked_in_at is null) = (checked_in_by is null)),
    add constraint bookings_no_show_by_whom check ((no_show_at is null) = (no_show_by is null));
