-- Orleans reminders (Microsoft.Orleans.Reminders.AdoNet, invariant "Npgsql").
--
-- Each silo owns a range of the (signed 32-bit) grain hash ring and loads the reminders of that range;
-- the version is the reminder's ETag, needed to unregister it.
-- Result columns are read by name (GrainId, ReminderName, StartTime, Period, Version).

create table orleans_reminders (
    service_id     text not null,
    grain_id       text not null,
    reminder_name  text not null,
    start_time     timestamptz not null,
    period         bigint not null,       -- milliseconds; the provider sends int or bigint depending on size
    grain_hash     integer not null,
    version        integer not null,
    primary key (service_id, grain_id, reminder_name)
);

-- Range reads by ring ownership.
create index orleans_reminders_hash on orleans_reminders (service_id, grain_hash);

insert into orleansquery (querykey, querytext) values

-- Register or re-register: no ETag check by contract (last registration wins), returns the new Version.
('UpsertReminderRowKey', $q$
insert into orleans_reminders
    (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
values
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
on conflict (service_id, grain_id, reminder_name) do update
   set start_time = excluded.start_time,
       period = excluded.period,
       grain_hash = excluded.grain_hash,
       version = orleans_reminders.version + 1
returning version
$q$),

('ReadReminderRowsKey', $q$
select grain_id as grainid, reminder_name as remindername, start_time as starttime, period, version
  from orleans_reminders
 where service_id = @ServiceId
   and grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
select grain_id as grainid, reminder_name as remindername, start_time as starttime, period, version
  from orleans_reminders
 where service_id = @ServiceId
   and grain_id = @GrainId
   and reminder_name = @ReminderName
$q$),

-- Range (begin, end] that does not wrap around the ring (the provider picks this when begin < end).
('ReadRangeRows1Key', $q$
select grain_id as grainid, reminder_name as remindername, start_time as starttime, period, version
  from orleans_reminders
 where service_id = @ServiceId
   and grain_hash > @BeginHash
   and grain_hash <= @EndHash
$q$),

-- Range that wraps around: everything above begin plus everything up to end.
('ReadRangeRows2Key', $q$
select grain_id as grainid, reminder_name as remindername, start_time as starttime, period, version
  from orleans_reminders
 where service_id = @ServiceId
   and (grain_hash > @BeginHash or grain_hash <= @EndHash)
$q$),

-- Unregister only if the caller holds the current ETag. Returns 1 if deleted, 0 otherwise.
('DeleteReminderRowKey', $q$
with deleted as (
    delete from orleans_reminders
     where service_id = @ServiceId
       and grain_id = @GrainId
       and reminder_name = @ReminderName
       and version = @Version
    returning 1
)
select count(*)::integer as deleted from deleted
$q$),

('DeleteReminderRowsKey', $q$
delete from orleans_reminders
 where service_id = @ServiceId
$q$);
