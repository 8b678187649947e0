-- The ministry's extracts: each dataset's daily partition as built once by the extract job (rows frozen, so a
-- download today and next month give the same numbers), the job's runs, and every download.

-- One row of a partition: its values in the dataset's field order (the dataset's definition in code says their names,
-- types and meaning), and the tenant it belongs to, so a reader over a tenant subtree gets only its rows. Rows that
-- belong to no tenant (a privacy complaint) carry none and go to readers over a top-level tenant.
create table extract_rows (
    dataset         text not null check (dataset ~ '^[a-z_]{2,40}$'),
    partition_date  date not null,
    position        int  not null,
    tenant_id       uuid references tenants (id),
    row_values      jsonb not null check (jsonb_typeof(row_values) = 'array'),
    primary key (dataset, partition_date, position)
);
create index extract_rows_tenant on extract_rows (dataset, partition_date, tenant_id);

create table extract_partitions (
    dataset         text not null,
    partition_date  date not null,
    built_at        timestamptz not null,
    row_count       int  not null,
    primary key (dataset, partition_date)
);

-- Each run of the job, successful or not: what the platform operator watches and the lag metric reads.
create table extract_runs (
    id              bigint generated always as identity primary key,
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    partition_date  date not null,
    outcome         text not null check (outcome in ('built', 'already_built', 'failed')),
    detail          text not null default ''
);
create index extract_runs_recent on extract_runs (finished_at desc);

-- Every download, by a person (staff account) or a machine (client id): evidence, never edited.
create table extract_downloads (
    id              bigint generated always as identity primary key,
    downloaded_at   timestamptz not null default now(),
    actor           text not null,
    dataset         text not null,
    partition_date  date not null,
    format          text not null check (format in ('csv', 'parquet', 'dictionary')),
    tenant_ids      uuid[] not null,
    row_count       int not null,
    source_ip       inet
);
create index extract_downloads_recent on extract_downloads (downloaded_at desc);
