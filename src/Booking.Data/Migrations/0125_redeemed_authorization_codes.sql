-- The identity server's authorization codes already exchanged for tokens. The server keeps no tokens (degraded mode),
-- so this is what makes a code good for one exchange only: a second exchange finds its id here and is refused. A row
-- is needed only until the code would have expired anyway.
create table redeemed_authorization_codes (
    code_id     uuid primary key,
    expires_at  timestamptz not null
);
create index redeemed_authorization_codes_expiry on redeemed_authorization_codes (expires_at);
