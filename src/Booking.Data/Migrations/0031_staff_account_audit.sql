-- Every change an administrator makes to a staff account (and a person's own security changes): who did it, from
-- where, when (UTC), to whom, what. Written in the same transaction as the change and the e-mail that tells the person.
-- Evidence: the application role may add and read rows, never change or remove one (ApplicationRoleGrants).
create table staff_account_audit (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz not null default now(),
    actor_id        uuid not null references staff_users (id),
    source_ip       inet,
    target_user_id  uuid not null references staff_users (id),
    -- The account's own tenant, so a tenant's administrators find their staff's history.
    tenant_id       uuid not null references tenants (id),
    action          text not null check (action in ('account_created', 'account_suspended', 'account_reactivated',
                                                    'role_granted', 'role_removed', 'authenticator_reset',
                                                    'password_change_required', 'recovery_codes_generated')),
    detail          text not null default ''
);
create index staff_account_audit_target on staff_account_audit (target_user_id, id);
