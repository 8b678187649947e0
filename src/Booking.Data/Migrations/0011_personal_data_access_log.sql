-- Every access to a citizen's personal information leaves a record (who, what record, which access, when in
-- UTC, from where, through which program), kept at least 12 months. Append-only by convention: the
-- application never updates or deletes these rows.
create table personal_data_access_log (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    actor        text not null,
    access       text not null check (access in ('create', 'read', 'update', 'delete')),
    table_name   text not null,
    record_id    uuid not null,
    program      text not null,
    source_ip    inet
);
create index personal_data_access_log_record on personal_data_access_log (record_id);
create index personal_data_access_log_time on personal_data_access_log (occurred_at);
