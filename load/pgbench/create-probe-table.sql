-- Scratch table for the pgbench probe: the columns, widths and indexes of a `bookings` row (0010_booking_core.sql),
-- without foreign keys. Created by Booking.LoadTest before the probe and dropped after it.
drop table if exists loadtest_probe;
create table loadtest_probe (
    id                       uuid primary key,
    confirmation_code        text not null unique,
    tenant_id                uuid not null,
    location_id              uuid not null,
    service_code             text not null,
    slot_start               timestamptz not null,
    slot_end                 timestamptz not null check (slot_end > slot_start),
    seat                     int  not null check (seat >= 0),
    slot_capacity            int  not null check (seat < slot_capacity),
    status                   text not null check (status in ('confirmed', 'cancelled')),
    hold_id                  text not null unique,
    idempotency_key          text unique,
    citizen_ciphertext       bytea not null,
    encryption_key_id        text  not null,
    citizen_fingerprint      bytea not null,
    health_card_fingerprint  bytea,
    language                 text not null check (language in ('fr', 'en')),
    consent_at               timestamptz not null,
    version                  int  not null default 1,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    cancelled_at             timestamptz
);
create unique index loadtest_probe_one_per_seat on loadtest_probe (location_id, service_code, slot_start, seat) where status = 'confirmed';
create index loadtest_probe_location_day on loadtest_probe (location_id, slot_start) where status = 'confirmed';
create index loadtest_probe_citizen on loadtest_probe (citizen_fingerprint, service_code);
