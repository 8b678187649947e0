-- Citizens' messages: wording overrides per tenant and per service (the defaults are in the Booking.Messages
-- assembly), and what to bring for each service. The most specific row wins: tenant+service, tenant (a parent
-- tenant's rows apply to its sub-tenants), service, then the default.
create table message_templates (
    id            uuid primary key default gen_random_uuid(),
    tenant_id     uuid references tenants (id),
    service_code  text references services (code),
    kind          text not null check (kind in ('BookingConfirmed', 'BookingRescheduled', 'BookingCancelledByCitizen',
                                                'BookingCancelledByClinic', 'BookingMovedByClinic', 'Reminder', 'BulkOffer')),
    language      text not null check (language in ('fr', 'en')),
    channel       text not null check (channel in ('email', 'sms')),
    subject       text,
    body          text not null,
    updated_at    timestamptz not null default now(),
    check ((channel = 'email') = (subject is not null))
);
create unique index message_templates_scope on message_templates
    (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'), coalesce(service_code, ''), kind, language, channel);

alter table services
    add column preparation_fr text,
    add column preparation_en text;
