-- Booking core: tenants, their clinics, the service catalogue, schedules and bookings.
-- PostgreSQL is the durable truth; Orleans grains hold inventory in memory and rebuild from these rows.

create table tenants (
    id          uuid primary key,
    parent_id   uuid references tenants (id),
    name        text not null,
    created_at  timestamptz not null default now()
);

-- Reference table for distance search: forward sortation areas (3 characters) and, when a full
-- file is imported, full postal codes (6 characters, no space).
create table postal_codes (
    code        text primary key check (code ~ '^[A-Z][0-9][A-Z]([0-9][A-Z][0-9])?$'),
    latitude    double precision not null,
    longitude   double precision not null,
    place_name  text not null default ''
);

create table locations (
    id           uuid primary key,
    tenant_id    uuid not null references tenants (id),
    name         text not null,
    address      text not null,
    city         text not null,
    postal_code  text not null,
    latitude     double precision not null,
    longitude    double precision not null,
    time_zone    text not null default 'America/Montreal'
);
create index locations_tenant on locations (tenant_id);

-- The catalogue is province-wide (a service code means the same thing at every clinic);
-- which clinic offers it, when and how many at once is in schedule_templates.
create table services (
    code                    text primary key check (code ~ '^[A-Z0-9_-]{2,32}$'),
    name_fr                 text not null,
    name_en                 text not null,
    duration_minutes        int  not null check (duration_minutes between 5 and 480),
    min_age_years           int  check (min_age_years >= 0),
    max_age_years           int  check (max_age_years >= 0),
    min_interval_service    text references services (code),
    min_interval_days       int  check (min_interval_days > 0),
    check (min_age_years is null or max_age_years is null or min_age_years <= max_age_years),
    check ((min_interval_service is null) = (min_interval_days is null))
);

-- Weekly opening hours of one service at one clinic; capacity = parallel booths/staff.
create table schedule_templates (
    id            uuid primary key,
    location_id   uuid not null references locations (id),
    service_code  text not null references services (code),
    iso_weekday   smallint not null check (iso_weekday between 1 and 7),
    opens_at      time not null,
    closes_at     time not null check (closes_at > opens_at),
    slot_minutes  int  not null check (slot_minutes between 5 and 480),
    capacity      int  not null check (capacity between 1 and 1000),
    valid_from    date not null,
    valid_until   date check (valid_until is null or valid_until >= valid_from)
);
create index schedule_templates_location on schedule_templates (location_id);

-- Date-specific changes; service_code null = every service of the clinic.
create table schedule_exceptions (
    id            uuid primary key,
    location_id   uuid not null references locations (id),
    service_code  text references services (code),
    on_date       date not null,
    kind          text not null check (kind in ('closed', 'extra_hours', 'capacity')),
    opens_at      time,
    closes_at     time,
    slot_minutes  int check (slot_minutes between 5 and 480),
    capacity      int check (capacity between 1 and 1000),
    check (kind <> 'extra_hours' or (opens_at is not null and closes_at > opens_at
                                     and slot_minutes is not null and capacity is not null)),
    check (kind <> 'capacity' or capacity is not null)
);
create index schedule_exceptions_location_date on schedule_exceptions (location_id, on_date);

-- One row per booking. Personal fields are encrypted by the application (keys outside the database);
-- the fingerprints are keyed hashes that let us find a citizen's previous bookings without plaintext.
create table bookings (
    id                       uuid primary key,
    confirmation_code        text not null unique,
    tenant_id                uuid not null references tenants (id),
    location_id              uuid not null references locations (id),
    service_code             text not null references services (code),
    slot_start               timestamptz not null,
    slot_end                 timestamptz not null check (slot_end > slot_start),
    seat                     int  not null check (seat >= 0),
    slot_capacity            int  not null check (seat < slot_capacity),
    status                   text not null check (status in ('confirmed', 'cancelled')),
    hold_id                  text not null unique,
    idempotency_key          text unique,
    citizen_ciphertext       bytea not null,
    encryption_key_id        text  not null,
    citizen_fingerprint      bytea not null,
    health_card_fingerprint  bytea,
    language                 text not null check (language in ('fr', 'en')),
    consent_at               timestamptz not null,
    version                  int  not null default 1,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    cancelled_at             timestamptz
);

-- The database-level guard against over-booking: a live booking owns one seat of its slot, seats are
-- numbered below the slot's capacity, and no two live bookings share a seat, so even two activations
-- of the same inventory grain cannot put more people in a slot than it has seats.
create unique index bookings_one_per_seat
    on bookings (location_id, service_code, slot_start, seat)
    where status = 'confirmed';

create index bookings_location_day on bookings (location_id, slot_start) where status = 'confirmed';
create index bookings_citizen on bookings (citizen_fingerprint, service_code);
create index bookings_health_card on bookings (health_card_fingerprint, service_code)
    where health_card_fingerprint is not null;
