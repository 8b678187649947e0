-- Two-way reminders: a citizen may answer a reminder SMS to cancel. Phones are kept only as keyed fingerprints.

-- The bookings a phone was reminded of by an SMS that invites a reply: only these can be cancelled by a reply
-- from that phone (a phone that never got such a reminder cancels nothing).
create table sms_reply_targets (
    phone_fingerprint  bytea not null,
    booking_id         uuid  not null references bookings (id) on delete cascade,
    reminded_at        timestamptz not null default now(),
    primary key (phone_fingerprint, booking_id)
);

-- The one open question per phone: confirm cancelling one booking, or choose among several (by number).
create table sms_conversations (
    phone_fingerprint  bytea primary key,
    state              text   not null check (state in ('confirm', 'choose')),
    booking_ids        uuid[] not null check (cardinality(booking_ids) > 0),
    language           text   not null check (language in ('fr', 'en')),
    expires_at         timestamptz not null
);

-- Inbound messages acted on, by the provider's message id: a webhook delivered twice acts once. Kept 30 days.
create table sms_inbound_messages (
    message_sid  text primary key,
    received_at  timestamptz not null default now()
);
create index sms_inbound_messages_received on sms_inbound_messages (received_at);
