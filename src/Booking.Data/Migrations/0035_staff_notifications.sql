-- The outbox of e-mails to staff about their own account (created, suspended, a role granted, ...), drained by the
-- notification worker like the citizens' outbox: leases, attempts, retries. Kept apart from `notifications`, whose
-- rows belong to a booking and are metered and billed per tenant; these are neither. Written in the transaction of
-- the change it reports, so a change is never told without being made, nor made without being told.
create table staff_notifications (
    id                   uuid primary key,
    staff_user_id        uuid not null references staff_users (id) on delete cascade,
    kind                 text not null check (kind in ('AccountCreated', 'AccountSuspended', 'AccountReactivated',
                                                       'RoleGranted', 'RoleRemoved', 'AuthenticatorReset',
                                                       'PasswordChangeRequired', 'RecoveryCodesGenerated')),
    -- What the message names besides the person (the role and its scope), in the words of the change.
    detail               text not null default '',
    status               text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'dead_letter')),
    attempts             int  not null default 0,
    next_attempt_at      timestamptz not null default now(),
    claimed_by           text,
    provider_message_id  text,
    last_error           text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz
);
create index staff_notifications_due on staff_notifications (next_attempt_at) where status in ('queued', 'sending');
create index staff_notifications_user on staff_notifications (staff_user_id, created_at);
