-- Machine clients of the identity server (the ministry's BI system): client credentials, each over a tenant and the
-- tenants below it, with the datasets it may read. Only a hash of the secret is kept: the secret is shown once, when
-- created or rotated. A revoked client keeps its row (its downloads name it) and gets no token, nor any answer from
-- the API for a token it already holds.
create table machine_clients (
    id                 uuid primary key,
    client_id          text not null unique check (client_id ~ '^[a-z0-9-]{8,64}$'),
    display_name       text not null check (length(display_name) between 1 and 200),
    tenant_id          uuid not null references tenants (id),
    scopes             text[] not null check (cardinality(scopes) > 0),
    secret_hash        bytea not null check (length(secret_hash) = 32),
    created_at         timestamptz not null,
    secret_rotated_at  timestamptz not null,
    revoked_at         timestamptz,
    version            int not null default 1
);
create index machine_clients_tenant on machine_clients (tenant_id);

-- Who created, rotated or revoked a client, from where and when: evidence, never edited.
create table machine_client_audit (
    id                 bigint generated always as identity primary key,
    machine_client_id  uuid not null references machine_clients (id),
    occurred_at        timestamptz not null,
    staff_user_id      uuid not null references staff_users (id),
    source_ip          inet,
    action             text not null check (action in ('created', 'rotated', 'revoked')),
    detail             text not null default ''
);
create index machine_client_audit_client on machine_client_audit (machine_client_id, occurred_at);
