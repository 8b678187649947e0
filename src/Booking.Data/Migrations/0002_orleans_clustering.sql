-- Orleans membership (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql").
--
-- Orleans passes its ClusterId as @DeploymentId. Membership changes are optimistic on ONE counter per
-- cluster (orleans_membership_version.version, the "table version" etag): a silo reads all rows plus the
-- counter, and an insert/update of a row only succeeds if the counter is still the value it read, bumping
-- it in the same transaction. There is no per-row etag column: the 10.x provider reports the table version
-- as every row's etag.
-- Result columns are read by name (case-insensitively), hence the aliases to the provider's names.

create table orleans_membership_version (
    deployment_id  text primary key,
    version        integer not null default 0,
    updated_at     timestamptz not null default now()
);

create table orleans_membership (
    -- cascade: DeleteMembershipTableEntriesKey removes a whole cluster by deleting its version row
    deployment_id    text not null references orleans_membership_version (deployment_id) on delete cascade,
    address          text not null,
    port             integer not null,
    generation       integer not null,
    silo_name        text not null,
    host_name        text not null,
    status           integer not null,           -- Orleans SiloStatus: 3 = Active, 6 = Dead
    proxy_port       integer not null default 0, -- gateway port, 0 when the silo is not a gateway
    suspect_times    text,                       -- "silo,time|silo,time", opaque to us
    start_time       timestamptz not null,
    i_am_alive_time  timestamptz not null,
    primary key (deployment_id, address, port, generation)
);

-- Both writers lock the cluster's version row first. A concurrent writer therefore waits, then sees the
-- winner's committed version and gets 0 instead of also succeeding. The membership row is changed before
-- the counter is bumped, so a 0 result never leaves a half-applied change behind.
create function orleans_insert_membership(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_version          integer)
returns integer
language plpgsql
as $$
declare
    current_version integer;
begin
    select version into current_version
      from orleans_membership_version
     where deployment_id = p_deployment_id
       for update;

    if (current_version = p_version) is not true then
        return 0;  -- stale table version (or no version row yet)
    end if;

    insert into orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, start_time, i_am_alive_time)
    values
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, coalesce(p_proxy_port, 0), p_start_time, p_i_am_alive_time)
    on conflict do nothing;

    if not found then
        return 0;  -- this silo address/generation is already registered
    end if;

    update orleans_membership_version
       set version = version + 1, updated_at = now()
     where deployment_id = p_deployment_id;
    return 1;
end
$$;

create function orleans_update_membership(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_version          integer)
returns integer
language plpgsql
as $$
declare
    current_version integer;
begin
    select version into current_version
      from orleans_membership_version
     where deployment_id = p_deployment_id
       for update;

    if (current_version = p_version) is not true then
        return 0;
    end if;

    update orleans_membership
       set status = p_status,
           suspect_times = p_suspect_times,
           i_am_alive_time = p_i_am_alive_time
     where deployment_id = p_deployment_id
       and address = p_address
       and port = p_port
       and generation = p_generation;

    if not found then
        return 0;  -- nothing to update: leave the table version alone
    end if;

    update orleans_membership_version
       set version = version + 1, updated_at = now()
     where deployment_id = p_deployment_id;
    return 1;
end
$$;

insert into orleansquery (querykey, querytext) values

-- Every silo calls this at start-up; only the first one creates the row. Returns 1 if created, else 0.
('InsertMembershipVersionKey', $q$
with created as (
    insert into orleans_membership_version (deployment_id)
    values (@DeploymentId)
    on conflict do nothing
    returning 1
)
select count(*)::integer as created from created
$q$),

-- Returns 1 when the row was added (table version matched), 0 otherwise.
('InsertMembershipKey', $q$
select orleans_insert_membership(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) as inserted
$q$),

-- Status/suspicion changes. Returns 1 when applied (table version matched), 0 otherwise.
('UpdateMembershipKey', $q$
select orleans_update_membership(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) as updated
$q$),

-- Heartbeat: deliberately unconditional and does not bump the table version (it is not a membership change).
('UpdateIAmAlivetimeKey', $q$
update orleans_membership
   set i_am_alive_time = @IAmAliveTime
 where deployment_id = @DeploymentId
   and address = @Address
   and port = @Port
   and generation = @Generation
$q$),

-- The version row drives the left join so the table version comes back even when the silo has no row
-- (the provider treats a null start_time as "no entry").
('MembershipReadRowKey', $q$
select v.deployment_id    as deploymentid,
       m.address,
       m.port,
       m.generation,
       m.silo_name        as siloname,
       m.host_name        as hostname,
       m.status,
       m.proxy_port       as proxyport,
       m.suspect_times    as suspecttimes,
       m.start_time       as starttime,
       m.i_am_alive_time  as iamalivetime,
       v.version
  from orleans_membership_version v
  left join orleans_membership m
         on m.deployment_id = v.deployment_id
        and m.address = @Address
        and m.port = @Port
        and m.generation = @Generation
 where v.deployment_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
select v.deployment_id    as deploymentid,
       m.address,
       m.port,
       m.generation,
       m.silo_name        as siloname,
       m.host_name        as hostname,
       m.status,
       m.proxy_port       as proxyport,
       m.suspect_times    as suspecttimes,
       m.start_time       as starttime,
       m.i_am_alive_time  as iamalivetime,
       v.version
  from orleans_membership_version v
  left join orleans_membership m on m.deployment_id = v.deployment_id
 where v.deployment_id = @DeploymentId
$q$),

-- Used by clients to find gateways; the provider passes @Status = 3 (Active).
('GatewaysQueryKey', $q$
select address,
       proxy_port as proxyport,
       generation
  from orleans_membership
 where deployment_id = @DeploymentId
   and status = @Status
   and proxy_port > 0
$q$),

-- Removes a whole cluster; its member rows go with the version row (on delete cascade).
('DeleteMembershipTableEntriesKey', $q$
delete from orleans_membership_version
 where deployment_id = @DeploymentId
$q$),

-- Periodic clean-up of silos that stopped heart-beating before the cut-off. Active rows are never removed
-- here: declaring a silo dead is the membership protocol's job, not the janitor's.
('CleanupDefunctSiloEntriesKey', $q$
delete from orleans_membership
 where deployment_id = @DeploymentId
   and i_am_alive_time < @IAmAliveTime
   and status <> 3
$q$);
