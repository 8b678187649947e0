-- A complaint's answer reaches the person who complained by the e-mail or phone they gave, through an outbox of its
-- own: a complaint belongs to no booking, so it has no place in `notifications`. Queued in the statement that answers
-- the complaint; the row holds only ids, and goes with the complaint when retention erases it.
create table privacy_complaint_messages (
    id                   uuid primary key,
    complaint_id         uuid not null references privacy_complaints (id) on delete cascade,
    status               text not null default 'queued'
                         check (status in ('queued', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'dead_letter')),
    attempts             int  not null default 0,
    next_attempt_at      timestamptz not null default now(),
    claimed_by           text,
    provider_message_id  text,
    last_error           text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz
);
create index privacy_complaint_messages_due on privacy_complaint_messages (next_attempt_at) where status in ('queued', 'sending');
create index privacy_complaint_messages_complaint on privacy_complaint_messages (complaint_id);

-- A correction the privacy officer accepted is applied to the booking in the statement that answers it; when, is kept
-- (null: answered without changing the booking).
alter table correction_requests add column applied_at timestamptz,
    add check (applied_at is null or status = 'answered');
