-- Campaigns as staff edit them: owned by a tenant (they apply to its clinics and those of the tenants under it), their
-- priority groups each with the date it starts booking, and their waiting room (on or off, admissions a minute),
-- which until now was configuration of the web hosts.
alter table campaigns
    add column tenant_id              uuid references tenants (id),
    add column waiting_room           boolean not null default false,
    add column admissions_per_minute  int not null default 600 check (admissions_per_minute between 1 and 1000000),
    add column version                int not null default 1;

-- Campaigns made before tenants owned them belonged to everyone: they go to the top of the tree.
update campaigns set tenant_id = (select id from tenants where parent_id is null order by created_at, id limit 1);
alter table campaigns alter column tenant_id set not null;
create index campaigns_tenant on campaigns (tenant_id);

-- A group opens with its campaign (opens_at null) or later.
create table campaign_groups (
    campaign_id  uuid not null references campaigns (id) on delete cascade,
    group_code   text not null check (group_code ~ '^(general|health-worker|chronic-condition|pregnant|age-[0-9]{1,3}-plus)$'),
    opens_at     timestamptz,
    primary key (campaign_id, group_code)
);

insert into campaign_groups (campaign_id, group_code)
select id, unnest(open_groups) from campaigns;

alter table campaigns drop column open_groups;
