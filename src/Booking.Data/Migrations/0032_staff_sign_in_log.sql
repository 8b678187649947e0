-- Every staff sign-in attempt, whatever its outcome: the account when the name matched one, else the attempted name
-- in its normalised form (never a password, never a code), the client's address, the step and what it led to.
-- Evidence, like the audit: insert and select only for the application role.
create table staff_sign_in_log (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz not null default now(),
    user_id         uuid references staff_users (id),
    attempted_name  text not null,
    source_ip       inet,
    step            text not null check (step in ('password', 'code', 'recovery_code', 'enrolment')),
    outcome         text not null check (outcome in ('signed_in', 'password_accepted', 'unknown_account', 'wrong_password',
                                                     'wrong_code', 'wrong_recovery_code', 'locked_out', 'suspended'))
);
-- A tenant's page lists its staff's attempts, newest first.
create index staff_sign_in_log_user on staff_sign_in_log (user_id, id desc);
