-- Staff sessions held by the server: a staff cookie names one row and is accepted only while that row is open and
-- younger than its absolute end. Signing out closes the row, so a copy of the cookie opens nothing afterwards; the
-- enrolment cookie (password checked, authenticator not yet set up) is a row too, closed at enrolment.
create table staff_sessions (
    id          uuid primary key,
    user_id     uuid not null references staff_users (id) on delete cascade,
    started_at  timestamptz not null,
    -- The absolute end, however active the session: a stolen cookie cannot be kept alive by using it.
    expires_at  timestamptz not null check (expires_at > started_at),
    ended_at    timestamptz
);
create index staff_sessions_user on staff_sessions (user_id, started_at);

