-- The personal-data access log becomes tamper-evident. Rows are inserted as before (no trigger, no lock: the
-- booking statement that writes them waits for nothing new); a background job then seals committed rows into one
-- hash chain, in the order it finds them. A sealed row stores its place in the chain, the previous row's hash and
-- its own: SHA-256 of the previous hash and of the row's content. A row changed afterwards no longer matches its
-- hash; a row removed leaves a gap in the places and a previous hash that matches nothing.
alter table personal_data_access_log
    add column chain_position bigint,
    add column previous_hash  bytea,
    add column row_hash       bytea,
    add constraint personal_data_access_log_sealed_whole
        check ((chain_position is null) = (previous_hash is null) and (previous_hash is null) = (row_hash is null));
create unique index personal_data_access_log_chain on personal_data_access_log (chain_position) where chain_position is not null;
-- Small: rows wait here seconds at most before the sealer takes them.
create index personal_data_access_log_unsealed on personal_data_access_log (id) where chain_position is null;

-- What each retention purge removed: the chain's place and hash of the last row it took away, from which the chain
-- that remains is verified.
create table personal_data_access_log_anchors (
    id              bigint generated always as identity primary key,
    purged_at       timestamptz not null default now(),
    purged_before   timestamptz not null,
    rows_purged     bigint not null check (rows_purged > 0),
    chain_position  bigint not null,
    row_hash        bytea not null
);

-- What a row's hash covers: its content written out unambiguously (a JSON array: strings quoted and escaped, the
-- time in UTC to the microsecond whatever the session's time zone). Its place in the chain is not in it: the previous
-- hash already fixes the order. Plain SQL functions, so that queries inline them.
create function personal_data_access_log_content(entry personal_data_access_log) returns bytea
language sql stable
as $$
    select convert_to(json_build_array(
        entry.id, to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        entry.actor, entry.access, entry.table_name, entry.record_id, entry.program, entry.source_ip::text)::text, 'UTF8')
$$;

-- A row's hash: SHA-256 of the previous row's hash and of the row's content.
create function personal_data_access_log_row_hash(previous_hash bytea, content bytea) returns bytea
language sql immutable
as $$
    select sha256(previous_hash || content)
$$;

-- Where the chain that remains starts from: the last purge's anchor, else the very start (place 0, 32 zero bytes).
create function personal_data_access_log_start(out chain_position bigint, out row_hash bytea)
language sql stable
set search_path = pg_catalog, public
as $$
    select coalesce(anchor.chain_position, 0), coalesce(anchor.row_hash, decode(repeat('00', 32), 'hex'))
    from (select 1) as one
    left join lateral (select a.chain_position, a.row_hash from personal_data_access_log_anchors a order by a.id desc limit 1) as anchor on true
$$;

-- Where the chain goes on from: its last sealed row, else where it starts.
create function personal_data_access_log_head(out chain_position bigint, out row_hash bytea)
language sql stable
set search_path = pg_catalog, public
as $$
    select coalesce(last.chain_position, start.chain_position), coalesce(last.row_hash, start.row_hash)
    from personal_data_access_log_start() as start
    left join lateral (select l.chain_position, l.row_hash from personal_data_access_log l
                       where l.chain_position is not null order by l.chain_position desc limit 1) as last on true
$$;

-- Seals up to `batch` committed rows, oldest id first. Runs as the owner (the application role may not update the
-- log), one caller at a time: another finds the lock taken and returns 0, the work being done. The hashes are
-- chained row by row (each needs the one before) and written in one statement.
create function seal_personal_data_access_log(batch int) returns bigint
language plpgsql security definer
set search_path = pg_catalog, public
as $$
declare
    head_position bigint;
    head_hash bytea;
    entry record;
    ids bigint[] := '{}';
    previous bytea[] := '{}';
    hashes bytea[] := '{}';
begin
    if not pg_try_advisory_xact_lock(3134054151) then
        return 0;
    end if;
    select h.chain_position, h.row_hash into head_position, head_hash from personal_data_access_log_head() h;
    -- The batch is chosen first, so that only its rows are written out.
    for entry in select l.id, personal_data_access_log_content(l) as content
                 from (select * from personal_data_access_log where chain_position is null order by id limit batch) as l
                 order by l.id loop
        ids := ids || entry.id;
        previous := previous || head_hash;
        head_hash := personal_data_access_log_row_hash(head_hash, entry.content);
        hashes := hashes || head_hash;
    end loop;
    update personal_data_access_log l
    set chain_position = head_position + sealed.n, previous_hash = sealed.previous_hash, row_hash = sealed.row_hash
    from unnest(ids, previous, hashes) with ordinality as sealed(id, previous_hash, row_hash, n)
    where l.id = sealed.id;
    return cardinality(ids);
end
$$;

-- Removes the chain's oldest rows that are past retention, up to the first row still within it: only a prefix, so
-- what remains verifies from the anchor written here (a row sealed after a younger one waits for the next purge).
-- Retention under 12 months is refused whoever asks: the ministry's directive keeps access records that long.
create function purge_personal_data_access_log(retention interval, out rows_purged bigint, out purged_through bigint)
language plpgsql security definer
set search_path = pg_catalog, public
as $$
declare
    cutoff timestamptz := now() - retention;
    first_kept bigint;
    last_hash bytea;
begin
    if retention < interval '12 months' then
        raise exception 'personal-data access records are kept at least 12 months, not %', retention;
    end if;
    perform pg_advisory_xact_lock(3134054151);
    select l.chain_position into first_kept from personal_data_access_log l
    where l.chain_position is not null and l.occurred_at >= cutoff order by l.chain_position limit 1;
    select l.chain_position, l.row_hash into purged_through, last_hash from personal_data_access_log l
    where l.chain_position is not null and (first_kept is null or l.chain_position < first_kept)
    order by l.chain_position desc limit 1;
    rows_purged := 0;
    if purged_through is null then
        return;
    end if;
    delete from personal_data_access_log l where l.chain_position <= purged_through;
    get diagnostics rows_purged = row_count;
    insert into personal_data_access_log_anchors (purged_before, rows_purged, chain_position, row_hash)
    values (cutoff, rows_purged, purged_through, last_hash);
end
$$;

-- Only the roles that connect may run what changes the log (the application role's grants give it these back).
revoke execute on function seal_personal_data_access_log(int), purge_personal_data_access_log(interval) from public;
