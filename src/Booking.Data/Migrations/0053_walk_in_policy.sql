-- A clinic's policy for people who come without an appointment: how many of them a slot may take beyond its seats
-- (0, the default: none). The clinic-day seats a walk-in within it and records the row's seat bound as its capacity,
-- so the seat guard of the bookings table holds it to the policy too.
alter table locations
    add column walk_in_extra_seats int not null default 0 check (walk_in_extra_seats between 0 and 50);
