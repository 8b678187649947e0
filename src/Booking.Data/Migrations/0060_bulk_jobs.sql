-- Bulk changes by a clinic: a selection of bookings (a clinic, a service, dates and hours) moved to other slots,
-- cancelled, or offered an earlier appointment, as one durable job. The job's items are written when it starts (the selection frozen with each booking's
-- version); a silo's runner leases the job (claimed_by/claimed_until, like the outbox) and works through its pending
-- items, so a job whose runner died is taken up again by any silo once its lease runs out. An item leaves 'pending' in
-- the same statement as the change of its booking (and the message to the citizen), so a resumed job never changes
-- or tells anyone twice.
create table bulk_jobs (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id),
    location_id     uuid not null references locations (id),
    action          text not null check (action in ('move', 'cancel', 'offer')),
    service_code    text references services (code),
    from_date       date not null,
    until_date      date not null check (until_date >= from_date),
    from_time       time,
    until_time      time,
    target_from     date,
    target_until    date,
    -- An offer's seat is held this long for the citizen, then released.
    offer_minutes   int check (offer_minutes between 5 and 10080),
    created_by      text not null,
    status          text not null default 'running' check (status in ('running', 'done')),
    total           int  not null default 0,
    claimed_by      text,
    claimed_until   timestamptz,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    check (action = 'cancel' or (target_from is not null and target_until >= target_from)),
    check ((action = 'offer') = (offer_minutes is not null))
);
create index bulk_jobs_running on bulk_jobs (claimed_until) where status = 'running';
create index bulk_jobs_location on bulk_jobs (location_id, created_at);

create table bulk_job_items (
    job_id              uuid not null references bulk_jobs (id),
    booking_id          uuid not null references bookings (id),
    booking_version     int  not null,
    status              text not null default 'pending'
                        check (status in ('pending', 'moved', 'cancelled', 'offered', 'unplaced', 'changed')),
    attempts            int  not null default 0,
    target_location_id  uuid references locations (id),
    target_slot_start   timestamptz,
    updated_at          timestamptz not null default now(),
    primary key (job_id, booking_id)
);
create index bulk_job_items_pending on bulk_job_items (job_id) where status = 'pending';
-- A booking is in at most one unfinished job at a time: two managers cannot move the same people twice.
create unique index bulk_job_items_one_pending on bulk_job_items (booking_id) where status = 'pending';

-- An earlier seat offered to a citizen by a bulk offer: held in its clinic-day's memory until expires_at, taken only
-- through the signed link of the offer's message. Accepting moves the booking (as the citizen's own move would) and
-- sets accepted_at, once: a second accept, or one after expires_at, changes nothing.
create table bulk_offers (
    id              uuid primary key,
    job_id          uuid not null references bulk_jobs (id),
    booking_id      uuid not null references bookings (id),
    location_id     uuid not null references locations (id),
    service_code    text not null references services (code),
    slot_start      timestamptz not null,
    slot_end        timestamptz not null,
    hold_id         text not null,
    expires_at      timestamptz not null,
    status          text not null default 'offered' check (status in ('offered', 'accepted')),
    accepted_at     timestamptz,
    created_at      timestamptz not null default now()
);
create index bulk_offers_booking on bulk_offers (booking_id);

-- The offer a 'BulkOffer' message is about: its time, clinic and link.
alter table notifications add column offer_id uuid references bulk_offers (id);
