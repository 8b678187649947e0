-- The staff queue of citizens' privacy requests (Law 25): the person in charge of personal information for a tenant
-- (privacy_officer, held over a tenant and the tenants below it) assigns and answers corrections and complaints.
alter table staff_role_assignments drop constraint staff_role_assignments_role_check;
alter table staff_role_assignments add constraint staff_role_assignments_role_check
    check (role in ('platform_operator', 'tenant_administrator', 'clinic_manager', 'front_desk', 'contact_centre_agent', 'ministry_analyst',
                    'privacy_officer'));
alter table staff_role_requests drop constraint staff_role_requests_role_check;
alter table staff_role_requests add constraint staff_role_requests_role_check
    check (role in ('platform_operator', 'tenant_administrator', 'clinic_manager', 'front_desk', 'contact_centre_agent', 'ministry_analyst',
                    'privacy_officer'));

-- Who handles a request ('in_progress' once assigned) and who answered it. The answer is written to the citizen and
-- may repeat their details, so it is sealed like the request (it was a plain column no one had written yet).
alter table correction_requests
    drop column answer,
    add column answer_ciphertext   bytea,
    add column answer_key_id       text,
    add column assigned_to  uuid references staff_users (id),
    add column assigned_at  timestamptz,
    add column answered_by  uuid references staff_users (id),
    add check ((status = 'in_progress') = (assigned_to is not null and answered_at is null) or status = 'answered'),
    add check ((status = 'answered') = (answer_ciphertext is not null and answered_by is not null));
alter table privacy_complaints
    drop column answer,
    add column answer_ciphertext   bytea,
    add column answer_key_id       text,
    add column assigned_to  uuid references staff_users (id),
    add column assigned_at  timestamptz,
    add column answered_by  uuid references staff_users (id),
    add check ((status = 'in_progress') = (assigned_to is not null and answered_at is null) or status = 'answered'),
    add check ((status = 'answered') = (answer_ciphertext is not null and answered_by is not null));

-- The answer reaches the citizen through the booking's outbox like every other message; the message names the
-- correction request whose sealed answer it carries.
alter table notifications add column correction_request_id uuid references correction_requests (id);
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('BookingConfirmed', 'BookingRescheduled', 'BookingCancelledByCitizen', 'BookingCancelledByClinic', 'BookingMovedByClinic',
                    'Reminder', 'BulkOffer', 'PrivacyRequestAnswered'));
alter table message_templates drop constraint message_templates_kind_check;
alter table message_templates add constraint message_templates_kind_check
    check (kind in ('BookingConfirmed', 'BookingRescheduled', 'BookingCancelledByCitizen', 'BookingCancelledByClinic', 'BookingMovedByClinic',
                    'Reminder', 'BulkOffer', 'PrivacyRequestAnswered'));
