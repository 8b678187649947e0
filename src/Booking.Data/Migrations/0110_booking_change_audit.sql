-- A booking cancelled or moved by staff (a clinic's manager or front desk, a contact-centre agent on a caller's behalf):
-- who, from where, when, why, and from which form. One row per change, written in the change's own statement.
-- The reason is a code from a short list; the note typed with it is sealed like other personal data (a note about
-- why may name the person's health), so only its ciphertext is here. A form sent twice is recognised by its key and
-- acts once. The application may add and read rows, never change or remove one (ApplicationRoleGrants).
create table booking_change_audit (
    id                   bigint generated always as identity primary key,
    booking_id           uuid not null references bookings (id),
    tenant_id            uuid not null references tenants (id),
    action               text not null check (action in ('cancelled', 'moved')),
    by_clinic            boolean not null,
    actor                text not null,
    source_ip            inet,
    reason               text not null check (reason ~ '^[a-z-]{1,40}$'),
    note_ciphertext      bytea,
    note_key_id          text,
    form_key             uuid not null unique,
    previous_location_id uuid not null,
    previous_slot_start  timestamptz not null,
    location_id          uuid not null,
    slot_start           timestamptz not null,
    recorded_at          timestamptz not null default now(),
    check ((note_ciphertext is null) = (note_key_id is null))
);

create index booking_change_audit_booking on booking_change_audit (booking_id);
