-- Rights granted with a second person's approval, reviewed yearly. An administrator's grant is a request
-- (`staff_role_requests`), which grants nothing; another person with the authority to grant it, neither the requester
-- nor the grantee, approves it, which makes it a role held (`staff_role_assignments`) or rejects it. Every role held
-- is due for review a year after it was approved or last confirmed. Roles written straight into the table (the demo
-- seed, before approvals existed) count as approved by no one named, and are reviewed like the others.
create table staff_role_requests (
    id            uuid primary key,
    user_id       uuid not null references staff_users (id) on delete cascade,
    role          text not null check (role in ('platform_operator', 'tenant_administrator', 'clinic_manager',
                                                'front_desk', 'contact_centre_agent', 'ministry_analyst')),
    tenant_id     uuid not null references tenants (id),
    location_ids  uuid[] check (location_ids is null or cardinality(location_ids) > 0),
    requested_by  uuid not null references staff_users (id),
    requested_at  timestamptz not null,
    check ((role in ('clinic_manager', 'front_desk')) = (location_ids is not null))
);
-- One open request per role and scope: asking again replaces its clinics.
create unique index staff_role_requests_scope on staff_role_requests (user_id, role, tenant_id);

-- granted_by / granted_at now say who approved the role and when; the request's author and time are kept beside them.
alter table staff_role_assignments
    add column requested_by uuid references staff_users (id),
    add column requested_at timestamptz,
    add column review_due   timestamptz,
    add column reviewed_by  uuid references staff_users (id),
    add column reviewed_at  timestamptz;
update staff_role_assignments set review_due = granted_at + interval '1 year';
alter table staff_role_assignments
    alter column review_due set default now() + interval '1 year',
    alter column review_due set not null;
create index staff_role_assignments_review on staff_role_assignments (review_due);

alter table staff_notifications drop constraint staff_notifications_kind_check;
alter table staff_notifications add constraint staff_notifications_kind_check
    check (kind in ('AccountCreated', 'AccountSuspended', 'AccountReactivated', 'RoleGranted', 'RoleRemoved',
                    'AuthenticatorReset', 'PasswordChangeRequired', 'RecoveryCodesGenerated',
                    'AccountInvited', 'InvitationAccepted', 'RoleRequested', 'RoleRejected', 'RoleReviewed'));

alter table staff_account_audit drop constraint staff_account_audit_action_check;
alter table staff_account_audit add constraint staff_account_audit_action_check
    check (action in ('account_created', 'account_suspended', 'account_reactivated', 'role_granted', 'role_removed',
                      'authenticator_reset', 'password_change_required', 'recovery_codes_generated',
                      'account_invited', 'invitation_accepted', 'role_requested', 'role_rejected', 'role_reviewed'));
