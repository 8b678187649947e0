-- Citizen services: pre-screening questions, campaigns with priority groups, what a citizen declared
-- when booking (sealed), and the Law 25 requests (correction, privacy complaint), sealed as well.

-- Questions asked before booking a service. A question keeps its id; changing its wording or its blocking answer
-- bumps its version, and the answers a citizen gave record the version (and wording) they saw.
create table screening_questions (
    service_code     text not null references services (code),
    id               text not null check (id ~ '^[a-z0-9-]{2,40}$'),
    version          int  not null default 1 check (version >= 1),
    position         int  not null,
    text_fr          text not null,
    text_en          text not null,
    -- The answer (yes = true) that stops the booking; null when the question only informs the clinic.
    blocking_answer  boolean,
    explanation_fr   text,
    explanation_en   text,
    active           boolean not null default true,
    primary key (service_code, id),
    check (blocking_answer is null or (explanation_fr is not null and explanation_en is not null))
);

-- A booking campaign of a service: when citizens may book it and which priority groups it is open to. A service
-- with no campaign is open to everyone its eligibility rule allows.
create table campaigns (
    id            uuid primary key,
    service_code  text not null references services (code),
    name_fr       text not null,
    name_en       text not null,
    opens_at      timestamptz not null,
    closes_at     timestamptz check (closes_at is null or closes_at > opens_at),
    open_groups   text[] not null check (cardinality(open_groups) > 0)
);
create index campaigns_service on campaigns (service_code);

-- What a citizen declared when booking (screening answers, priority groups): sealed by the application like the
-- citizen's details, in its own ciphertext so that whoever reads contact details (notifications) never sees it.
create table booking_declarations (
    booking_id         uuid primary key references bookings (id),
    ciphertext         bytea not null,
    encryption_key_id  text  not null,
    created_at         timestamptz not null default now()
);

-- Law 25: a citizen asks to correct what we hold about them. The fields and values asked for are sealed; staff
-- answer later (status, answered_at, answer).
create table correction_requests (
    id                 uuid primary key,
    booking_id         uuid not null references bookings (id),
    ciphertext         bytea not null,
    encryption_key_id  text  not null,
    status             text  not null default 'received' check (status in ('received', 'in_progress', 'answered')),
    received_at        timestamptz not null default now(),
    answered_at        timestamptz,
    answer             text,
    check ((status = 'answered') = (answered_at is not null))
);
create index correction_requests_booking on correction_requests (booking_id);
create index correction_requests_open on correction_requests (received_at) where status <> 'answered';

-- Law 25: a complaint about how personal information was handled; who complains and why is sealed.
create table privacy_complaints (
    id                 uuid primary key,
    reference          text  not null unique,
    ciphertext         bytea not null,
    encryption_key_id  text  not null,
    status             text  not null default 'received' check (status in ('received', 'in_progress', 'answered')),
    received_at        timestamptz not null default now(),
    answered_at        timestamptz,
    answer             text,
    check ((status = 'answered') = (answered_at is not null))
);
create index privacy_complaints_open on privacy_complaints (received_at) where status <> 'answered';
