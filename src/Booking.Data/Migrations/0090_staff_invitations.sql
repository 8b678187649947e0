-- An invitation: how a new staff account gets in without a first password handed over by an administrator. The
-- e-mailed link carries the invitation's id and a signature made with a key kept outside the database (so a copy of
-- this table opens nothing); the row says until when it works and whether it was used: once, then never again.
create table staff_invitations (
    id          uuid primary key,
    user_id     uuid not null references staff_users (id) on delete cascade,
    created_by  uuid not null references staff_users (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index staff_invitations_user on staff_invitations (user_id);

alter table staff_notifications drop constraint staff_notifications_kind_check;
alter table staff_notifications add constraint staff_notifications_kind_check
    check (kind in ('AccountCreated', 'AccountSuspended', 'AccountReactivated', 'RoleGranted', 'RoleRemoved',
                    'AuthenticatorReset', 'PasswordChangeRequired', 'RecoveryCodesGenerated',
                    'AccountInvited', 'InvitationAccepted'));

alter table staff_account_audit drop constraint staff_account_audit_action_check;
alter table staff_account_audit add constraint staff_account_audit_action_check
    check (action in ('account_created', 'account_suspended', 'account_reactivated', 'role_granted', 'role_removed',
                      'authenticator_reset', 'password_change_required', 'recovery_codes_generated',
                      'account_invited', 'invitation_accepted'));
