-- Each waiting room's figures per day in Québec, for the ministry's extracts: written by the room's grain every few
-- seconds while its queue moves (one row per room and day, updated in place), never per ticket and never who held one.
-- The waits are a histogram (WaitHistogram's buckets), so a restarted room goes on counting where it left off.
create table waiting_room_days (
    room                    text        not null,
    day                     date        not null,
    first_ticket_at         timestamptz,
    admissions_per_minute   integer     not null,
    arrivals                bigint      not null,
    admitted                bigint      not null,
    passes_collected        bigint      not null,
    peak_waiting            bigint      not null,
    waits                   bigint[]    not null,
    median_wait_seconds     integer,
    p90_wait_seconds        integer,
    max_wait_seconds        bigint,
    interrupted             boolean     not null,
    updated_at              timestamptz not null default now(),
    primary key (room, day)
);
