-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet, invariant "Npgsql").
--
-- A grain is identified by (service, grain type, n0, n1, string key extension); the two hashes are computed
-- by the provider and only serve as a cheap index prefix. The ETag Orleans keeps is our integer version:
-- every write must present the version it read, a write without one is only allowed to create the row.
-- When the version does not match, the queries return no new version and the provider throws
-- InconsistentStateException.

create table orleans_storage (
    grain_id_hash       integer not null,
    grain_type_hash     integer not null,
    grain_id_n0         bigint not null,
    grain_id_n1         bigint not null,
    grain_type          text not null,
    grain_id_extension  text,             -- string part of the key; null for pure guid/integer keys
    service_id          text not null,
    payload             bytea,            -- null after a ClearState (row kept so the version keeps counting)
    modified_on         timestamptz not null default now(),
    version             integer not null
);

-- One row per grain, enforced by the database so two activations racing to create the same state cannot
-- both succeed (the loser's insert hits this index and returns nothing). The strings are hashed in the
-- index so a long grain type or key can never exceed the btree entry size; the queries still compare the
-- full strings. nulls not distinct: a null extension is a value here, not "unknown".
create unique index orleans_storage_grain on orleans_storage
    (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, md5(grain_type), md5(grain_id_extension))
    nulls not distinct;

insert into orleansquery (querykey, querytext) values

-- Reads PayloadBinary and Version by name; no row means "never written".
('ReadFromStorageKey', $q$
select payload as payloadbinary,
       modified_on as modifiedon,
       version
  from orleans_storage
 where grain_id_hash = @GrainIdHash
   and grain_type_hash = @GrainTypeHash
   and grain_id_n0 = @GrainIdN0
   and grain_id_n1 = @GrainIdN1
   and grain_type = @GrainTypeString
   and grain_id_extension is not distinct from @GrainIdExtensionString
   and service_id = @ServiceId
$q$),

-- With a version: compare-and-swap on it. Without one: create the row, version 1. Exactly one row comes
-- back on success (NewGrainStateVersion); none on a version conflict or when the row already exists.
('WriteToStorageKey', $q$
with updated as (
    update orleans_storage
       set payload = @PayloadBinary,
           modified_on = now(),
           version = version + 1
     where @GrainStateVersion is not null
       and version = @GrainStateVersion
       and grain_id_hash = @GrainIdHash
       and grain_type_hash = @GrainTypeHash
       and grain_id_n0 = @GrainIdN0
       and grain_id_n1 = @GrainIdN1
       and grain_type = @GrainTypeString
       and grain_id_extension is not distinct from @GrainIdExtensionString
       and service_id = @ServiceId
    returning version
), inserted as (
    insert into orleans_storage
        (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_extension,
         service_id, payload, modified_on, version)
    select @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1, @GrainTypeString, @GrainIdExtensionString,
           @ServiceId, @PayloadBinary, now(), 1
     where @GrainStateVersion is null
    on conflict do nothing
    returning version
)
select version as newgrainstateversion from updated
union all
select version from inserted
$q$),

-- ClearState keeps the row (payload null) and still advances the version, so an older ETag stays stale.
('ClearStorageKey', $q$
update orleans_storage
   set payload = null,
       modified_on = now(),
       version = version + 1
 where version = @GrainStateVersion
   and grain_id_hash = @GrainIdHash
   and grain_type_hash = @GrainTypeHash
   and grain_id_n0 = @GrainIdN0
   and grain_id_n1 = @GrainIdN1
   and grain_type = @GrainTypeString
   and grain_id_extension is not distinct from @GrainIdExtensionString
   and service_id = @ServiceId
returning version as newgrainstateversion
$q$),

-- Used instead of ClearStorageKey when DeleteStateOnClear = true. The provider only checks that the value
-- returned differs from the ETag it sent, hence version + 1 for the deleted row.
('DeleteStorageKey', $q$
delete from orleans_storage
 where version = @GrainStateVersion
   and grain_id_hash = @GrainIdHash
   and grain_type_hash = @GrainTypeHash
   and grain_id_n0 = @GrainIdN0
   and grain_id_n1 = @GrainIdN1
   and grain_type = @GrainTypeString
   and grain_id_extension is not distinct from @GrainIdExtensionString
   and service_id = @ServiceId
returning version + 1 as newgrainstateversion
$q$);
