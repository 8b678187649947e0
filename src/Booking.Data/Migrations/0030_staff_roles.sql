-- Staff roles. A person may hold several roles, each scoped to a tenant and the tenants below it; the clinic manager
-- and front-desk roles are further limited to given clinics of that scope. What each role may do is decided in
-- Booking.Staff (StaffRolePermissions), never here: this table only says who holds what, where.
create table staff_role_assignments (
    id            uuid primary key,
    user_id       uuid not null references staff_users (id) on delete cascade,
    role          text not null check (role in ('platform_operator', 'tenant_administrator', 'clinic_manager',
                                                'front_desk', 'contact_centre_agent', 'ministry_analyst')),
    tenant_id     uuid not null references tenants (id),
    -- Exactly the clinic-limited roles name clinics, at least one; the application checks that they are clinics of
    -- the scope's tenants when it grants the role.
    location_ids  uuid[] check (location_ids is null or cardinality(location_ids) > 0),
    granted_by    uuid references staff_users (id),
    granted_at    timestamptz not null,
    check ((role in ('clinic_manager', 'front_desk')) = (location_ids is not null))
);
-- One assignment of a role per scope tenant: granting it again replaces its clinics.
create unique index staff_role_assignments_scope on staff_role_assignments (user_id, role, tenant_id);

-- A suspended account opens no session and keeps none (its sessions are ended when it is suspended).
alter table staff_users add column suspended_at timestamptz;
-- The language the person is written to in (account e-mails).
alter table staff_users add column language text not null default 'fr' check (language in ('fr', 'en'));
