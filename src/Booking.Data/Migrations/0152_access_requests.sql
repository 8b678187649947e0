-- Law 25, s. 27: a citizen asks staff, by phone, letter, e-mail or in person, for the personal information held about
-- them. The privacy officer records the request against the citizen's booking; it joins the privacy queue beside
-- corrections and complaints, due 30 days after it reached the organisation (received_at: a letter may arrive days
-- before it is typed in, never after). What the person asked and how they want the answer is a sealed note; the
-- answer is sealed like a correction's and reaches the person through the booking's outbox.
create table access_requests (
    id                 uuid primary key,
    booking_id         uuid not null references bookings (id),
    channel            text not null check (channel in ('phone', 'letter', 'email', 'in_person')),
    received_at        timestamptz not null,
    recorded_at        timestamptz not null default now(),
    recorded_by        uuid not null references staff_users (id),
    -- The hidden key of the form that recorded it: the same form sent twice records one request.
    form_key           uuid not null,
    ciphertext         bytea not null,
    encryption_key_id  text  not null,
    status             text  not null default 'received' check (status in ('received', 'in_progress', 'answered')),
    assigned_to        uuid references staff_users (id),
    assigned_at        timestamptz,
    answered_at        timestamptz,
    answered_by        uuid references staff_users (id),
    answer_ciphertext  bytea,
    answer_key_id      text,
    unique (recorded_by, form_key),
    check (received_at <= recorded_at),
    check ((status = 'answered') = (answered_at is not null)),
    check ((status = 'in_progress') = (assigned_to is not null and answered_at is null) or status = 'answered'),
    check ((status = 'answered') = (answer_ciphertext is not null and answered_by is not null))
);
create index access_requests_booking on access_requests (booking_id);
create index access_requests_open on access_requests (received_at) where status <> 'answered';

-- The answer goes out as a correction's does: a 'PrivacyRequestAnswered' message naming the request whose sealed
-- answer it carries (one request at most). Retention erases a closed request long after its message was sent; the
-- message's row stays, naming none.
alter table notifications add column access_request_id uuid references access_requests (id) on delete set null,
    add check (correction_request_id is null or access_request_id is null);
-- Likewise a correction's: its message's row named it without letting it go, so retention could not erase an answered
-- correction whose answer had been sent.
alter table notifications drop constraint notifications_correction_request_id_fkey,
    add constraint notifications_correction_request_id_fkey foreign key (correction_request_id) references correction_requests (id) on delete set null;

-- An access request and its answer are their booking's, sealed with its clinic's tenant's key, as corrections are.
create or replace view tenant_sealed_rows as
    select 'bookings'::text as table_name, l.tenant_id, b.encryption_key_id as key_id
    from bookings b join locations l on l.id = b.location_id
    where b.encryption_key_id is not null
    union all
    select 'booking_declarations', l.tenant_id, d.encryption_key_id
    from booking_declarations d join bookings b on b.id = d.booking_id join locations l on l.id = b.location_id
    union all
    select 'correction_requests', l.tenant_id, r.encryption_key_id
    from correction_requests r join bookings b on b.id = r.booking_id join locations l on l.id = b.location_id
    union all
    select 'correction_request_answers', l.tenant_id, r.answer_key_id
    from correction_requests r join bookings b on b.id = r.booking_id join locations l on l.id = b.location_id
    where r.answer_key_id is not null
    union all
    select 'access_requests', l.tenant_id, r.encryption_key_id
    from access_requests r join bookings b on b.id = r.booking_id join locations l on l.id = b.location_id
    union all
    select 'access_request_answers', l.tenant_id, r.answer_key_id
    from access_requests r join bookings b on b.id = r.booking_id join locations l on l.id = b.location_id
    where r.answer_key_id is not null
    union all
    select 'booking_change_audit', a.tenant_id, a.note_key_id
    from booking_change_audit a
    where a.note_key_id is not null;
