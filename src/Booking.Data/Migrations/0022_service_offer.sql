-- Which services of the province-wide catalogue each tenant and clinic offers, and in which words and under which rules.
-- A tenant's setting applies to the tenants under it unless they set their own; a null field is inherited (from the
-- nearest ancestor that sets it, else the catalogue), so the staff site can say where each value comes from.
create table tenant_services (
    tenant_id             uuid not null references tenants (id),
    service_code          text not null references services (code),
    offered               boolean,
    name_fr               text,
    name_en               text,
    preparation_fr        text,
    preparation_en        text,
    min_age_years         int check (min_age_years between 0 and 130),
    max_age_years         int check (max_age_years between 0 and 130),
    -- When set, this tenant's screening questions (possibly none) replace the ones it would inherit.
    screening_overridden  boolean not null default false,
    version               int not null default 1,
    primary key (tenant_id, service_code),
    check (min_age_years is null or max_age_years is null or min_age_years <= max_age_years)
);

create table tenant_screening_questions (
    tenant_id        uuid not null,
    service_code     text not null,
    id               text not null check (id ~ '^[a-z0-9-]{2,40}$'),
    position         int  not null,
    text_fr          text not null,
    text_en          text not null,
    blocking_answer  boolean,
    explanation_fr   text,
    explanation_en   text,
    primary key (tenant_id, service_code, id),
    foreign key (tenant_id, service_code) references tenant_services (tenant_id, service_code) on delete cascade,
    check (blocking_answer is null or (explanation_fr is not null and explanation_en is not null))
);

-- The services a clinic offers; its weekly schedules and extra hours are for these only.
create table location_services (
    location_id   uuid not null references locations (id),
    service_code  text not null references services (code),
    primary key (location_id, service_code)
);

insert into location_services (location_id, service_code)
select distinct location_id, service_code from weekly_templates
union
select distinct location_id, service_code from schedule_exceptions where service_code is not null;
