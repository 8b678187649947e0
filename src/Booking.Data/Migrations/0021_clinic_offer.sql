-- The clinic's offer as staff edit it on the staff site: a clinic's public details, its weekly templates and dated
-- exceptions, each with a version for optimistic concurrency, and an audit entry for every change.

alter table locations
    add column notes_fr  text not null default '',
    add column notes_en  text not null default '',
    -- A closed clinic is not shown to citizens and takes no new booking; its bookings stay as they are.
    add column is_open   boolean not null default true,
    add column version   int not null default 1,
    -- While a schedule change is being saved, clinic-days that wake up offer nothing until they are told the outcome
    -- (or this instant passes), so none can book a slot the change removes (see decisions/0004).
    add column schedule_change_id     uuid,
    add column schedule_change_until  timestamptz;

-- One service's weekly opening hours at one clinic for a period: one slot length and one number of seats (stations)
-- per slot; its hours per weekday are in weekly_template_hours (two windows on a day make a lunch break).
create table weekly_templates (
    id            uuid primary key,
    location_id   uuid not null references locations (id),
    service_code  text not null references services (code),
    slot_minutes  int  not null check (slot_minutes between 5 and 480),
    capacity      int  not null check (capacity between 1 and 1000),
    valid_from    date not null,
    valid_until   date check (valid_until is null or valid_until >= valid_from),
    version       int  not null default 1
);
create index weekly_templates_location on weekly_templates (location_id);
create index weekly_templates_service on weekly_templates (service_code);

create table weekly_template_hours (
    id                  uuid primary key,
    weekly_template_id  uuid not null references weekly_templates (id) on delete cascade,
    iso_weekday         smallint not null check (iso_weekday between 1 and 7),
    opens_at            time not null,
    closes_at           time not null check (closes_at > opens_at)
);
create index weekly_template_hours_template on weekly_template_hours (weekly_template_id);

-- Lines written before templates were grouped: lines alike but for their weekday and hours make one template.
insert into weekly_templates (id, location_id, service_code, slot_minutes, capacity, valid_from, valid_until)
select gen_random_uuid(), location_id, service_code, slot_minutes, capacity, valid_from, valid_until
from schedule_templates
group by location_id, service_code, slot_minutes, capacity, valid_from, valid_until;

insert into weekly_template_hours (id, weekly_template_id, iso_weekday, opens_at, closes_at)
select t.id, w.id, t.iso_weekday, t.opens_at, t.closes_at
from schedule_templates t
join weekly_templates w on w.location_id = t.location_id and w.service_code = t.service_code
     and w.slot_minutes = t.slot_minutes and w.capacity = t.capacity and w.valid_from = t.valid_from
     and w.valid_until is not distinct from t.valid_until;

drop table schedule_templates;

-- A closure may cover some hours only (a lunch break, a staff meeting) rather than the whole day.
alter table schedule_exceptions
    add column version int not null default 1,
    add constraint schedule_exceptions_closed_hours
        check (kind <> 'closed' or (opens_at is null and closes_at is null) or closes_at > opens_at);

-- Who changed the offer, when, from where, and what it was before and after. Kept like the personal-data access log:
-- the application adds entries and reads them, never edits or removes one.
create table offer_audit (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    actor        text not null,
    source_ip    inet,
    tenant_id    uuid not null references tenants (id),
    location_id  uuid references locations (id),
    entity       text not null,
    entity_id    text not null,
    action       text not null check (action in ('create', 'update', 'delete')),
    before       jsonb,
    after        jsonb
);
create index offer_audit_location on offer_audit (location_id, occurred_at);
create index offer_audit_entity on offer_audit (entity, entity_id, occurred_at);

-- Bumped in the same transaction as any change of what citizens are offered (clinics, services, campaigns), so web
-- hosts can tell their cached catalogue is stale with one cheap read instead of re-reading it all.
create table catalogue_revision (
    singleton  boolean primary key default true check (singleton),
    revision   bigint not null
);
insert into catalogue_revision (revision) values (1);
