-- Notifications: a transactional outbox written in the same statement as the booking change, the reminders
-- derived from a booking, SMS opt-outs and the per-tenant metering the ministry bills from.

-- Each service says how long before the appointment its reminders go (minutes); by default a day and two hours.
alter table services add column reminder_offsets_minutes int[] not null default '{1440,120}';

-- One row per message to send. The channel is chosen by the worker (the booking path only has the sealed
-- contact); a fallback to the other channel is a new row pointing at the one that failed. The row's id is the
-- idempotency key given to the provider, so a retried send of the same message is recognisable.
create table notifications (
    id                   uuid primary key,
    tenant_id            uuid not null references tenants (id),
    booking_id           uuid not null references bookings (id),
    kind                 text not null check (kind in ('BookingConfirmed', 'BookingRescheduled', 'BookingCancelledByCitizen',
                                                       'BookingCancelledByClinic', 'BookingMovedByClinic', 'Reminder', 'BulkOffer')),
    category             text not null check (category in ('transactional', 'bulk')),
    channel              text check (channel in ('email', 'sms')),
    status               text not null default 'queued'
                         check (status in ('queued', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'dead_letter')),
    attempts             int  not null default 0,
    next_attempt_at      timestamptz not null default now(),
    claimed_by           text,
    claimed_until        timestamptz,
    previous_slot_start  timestamptz,
    previous_location_id uuid,
    fallback_of          uuid references notifications (id),
    provider_message_id  text,
    last_error           text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz,
    delivered_at         timestamptz,
    updated_at           timestamptz not null default now()
);
-- The dispatcher's queue: only rows still to send, in due order.
create index notifications_due on notifications (next_attempt_at) where status in ('queued', 'sending');
create index notifications_booking on notifications (booking_id);
create unique index notifications_provider_id on notifications (provider_message_id) where provider_message_id is not null;

-- What happened to each message, in order: attempts, provider answers, webhook events.
create table notification_events (
    id               bigint generated always as identity primary key,
    notification_id  uuid not null references notifications (id),
    occurred_at      timestamptz not null default now(),
    event            text not null,
    detail           text
);
create index notification_events_notification on notification_events (notification_id);

create table reminders (
    id          uuid primary key default gen_random_uuid(),
    booking_id  uuid not null references bookings (id),
    due_at      timestamptz not null,
    status      text not null default 'pending' check (status in ('pending', 'fired', 'cancelled')),
    created_at  timestamptz not null default now()
);
create index reminders_due on reminders (due_at) where status = 'pending';
create index reminders_booking on reminders (booking_id) where status = 'pending';

-- Phones that answered STOP, by keyed fingerprint (never the number in clear).
create table sms_opt_outs (
    phone_fingerprint  bytea primary key,
    opted_out_at       timestamptz not null default now()
);

-- Messages handed to a provider, per tenant, month (Québec time), category and channel: what is billed.
create view notification_metering as
select tenant_id,
       to_char(sent_at at time zone 'America/Montreal', 'YYYY-MM') as month,
       category,
       channel,
       count(*) as messages
from notifications
where sent_at is not null
group by 1, 2, 3, 4;
