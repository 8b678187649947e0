-- Live holds of a clinic-day whose silo stopped gracefully (a rolling deploy), until the clinic-day's next activation,
-- on whichever silo, takes them back. Holds live in memory only; writing them here on the way out does not depend on
-- which activation wins the grain directory while the cluster is busy. Keyed by the hold id's SHA-256, like
-- bookings.hold_digest: a copy of the table gives no id to replay; the citizen's own id finds its row.
create table handed_over_holds (
    hold_digest  bytea primary key,
    location_id  uuid not null references locations (id),
    local_date   date not null,
    service_code text not null,
    slot_start   timestamptz not null,
    expires_at   timestamptz not null
);

create index handed_over_holds_clinic_day on handed_over_holds (location_id, local_date);
