-- The record behind the monthly availability report (99.5 % objective, planned outages excluded): one probe a minute
-- of whether the service was ready, and the incidents with their start and restoration. A minute with no probe counts
-- as down: nothing attests that the service was up.
create table availability_probes (
    minute       timestamptz primary key check (minute = date_trunc('minute', minute)),
    ready        boolean not null,
    -- The silo that recorded it (every silo probes; the first to write a minute keeps it).
    recorded_by  text not null
);

-- An incident's times are evidence once it is closed (restored): they can no longer change, nor can it be removed.
create table incidents (
    id           bigint generated always as identity primary key,
    started_at   timestamptz not null,
    restored_at  timestamptz check (restored_at > started_at),
    severity     text not null check (severity in ('minor', 'moderate', 'important', 'critical')),
    -- A maintenance window announced beforehand: excluded from the availability figure.
    planned      boolean not null default false,
    summary      text not null
);
create index incidents_started on incidents (started_at);

create function incidents_closed_are_final() returns trigger language plpgsql as $$
begin
    if old.restored_at is not null then
        raise exception 'incident % is closed: its record cannot change', old.id using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger incidents_closed_are_final before update or delete on incidents
    for each row execute function incidents_closed_are_final();
