-- The waiting list: citizens who found nothing ask to be offered a seat that frees up (a cancellation, a move, new
-- capacity). First come, first offered; a seat is held for the person offered it for a short time in its clinic-day,
-- then goes to the next. The contact (e-mail or phone, language) is sealed like a booking's citizen; the area is kept
-- only as the clinics it covers, never as the postal code.
create table waiting_list_entries (
    id                  uuid primary key,
    position            bigint generated always as identity,
    service_code        text   not null references services (code),
    location_ids        uuid[] not null check (cardinality(location_ids) > 0),
    from_date           date   not null,
    to_date             date   not null check (to_date >= from_date),
    contact_ciphertext  bytea  not null,
    encryption_key_id   text   not null,
    -- Keyed fingerprint of the contact: one place per person and service on the list.
    contact_fingerprint bytea  not null,
    language            text   not null check (language in ('fr', 'en')),
    -- Until when this person holds an offer: at most one open offer per person, whichever clinic-day offers.
    offered_until       timestamptz,
    status              text   not null default 'waiting' check (status in ('waiting', 'booked', 'left')),
    created_at          timestamptz not null default now(),
    left_at             timestamptz
);
create unique index waiting_list_one_place on waiting_list_entries (contact_fingerprint, service_code) where status = 'waiting';
create index waiting_list_order on waiting_list_entries (service_code, position) where status = 'waiting';

-- A freed seat offered to one person on the list, held for them in the clinic-day until expires_at.
create table waiting_list_offers (
    id            uuid primary key,
    entry_id      uuid not null references waiting_list_entries (id),
    location_id   uuid not null references locations (id),
    service_code  text not null,
    slot_start    timestamptz not null,
    slot_end      timestamptz not null,
    hold_id       text not null unique,
    expires_at    timestamptz not null,
    -- Declined: the person said no through the offer's link; the seat went to the next person at once.
    status        text not null default 'offered' check (status in ('offered', 'accepted', 'declined')),
    booking_id    uuid references bookings (id),
    created_at    timestamptz not null default now()
);
create index waiting_list_offers_entry on waiting_list_offers (entry_id, expires_at);
create index waiting_list_offers_seat on waiting_list_offers (location_id, service_code, slot_start, created_at);

-- What the worker sends about the list: an offer, or the confirmation of a place on it. Apart from `notifications`,
-- whose rows belong to a booking and are billed per tenant.
create table waiting_list_messages (
    id                   uuid primary key,
    entry_id             uuid not null references waiting_list_entries (id),
    offer_id             uuid references waiting_list_offers (id),
    kind                 text not null check (kind in ('Joined', 'Offer')),
    status               text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'dead_letter')),
    attempts             int  not null default 0,
    next_attempt_at      timestamptz not null default now(),
    claimed_by           text,
    provider_message_id  text,
    last_error           text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz
);
create index waiting_list_messages_due on waiting_list_messages (next_attempt_at) where status in ('queued', 'sending');
