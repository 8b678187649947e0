-- Crypto-shredding: a tenant that leaves has its data key destroyed (removed from the key file), which leaves every
-- record sealed with it unreadable. The contracts ask for proof of the destruction: what (the tenant, the key ids, how
-- many rows of each table became unreadable, and how many of its bookings were sealed before it had a key and stay
-- readable), when, by whom, why, and by what method. Key ids only: no key material is ever in the database.
-- No foreign key to tenants: the proof outlives the tenant's row. The application adds and reads rows, never changes
-- or removes one (ApplicationRoleGrants).
create table tenant_key_destructions (
    id                       bigint generated always as identity primary key,
    tenant_id                uuid not null unique,
    tenant_name              text not null,
    key_ids                  text[] not null check (cardinality(key_ids) > 0),
    unreadable_rows          jsonb not null,
    readable_bookings_left   integer not null check (readable_bookings_left >= 0),
    method                   text not null,
    destroyed_by             text not null check (length(destroyed_by) between 1 and 200),
    reason                   text not null check (length(reason) between 1 and 2000),
    destroyed_at             timestamptz not null
);
