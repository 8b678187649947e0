-- Sealing the access log no longer writes each row a second time. It used to set the row's place and hashes, and
-- an update of indexed columns writes a new copy of the row with an entry in each of its indexes, then leaves the
-- old copy for vacuum. Now the log's rows are never changed after their insert: each seal is one row of its own
-- listing the log rows it sealed in chain order with their hashes. The hashes are those of migration 0040 (SHA-256
-- of the previous row's hash and of the row's content); a row's place is its seal's first place plus its rank there.
--
-- A seal finds the rows left to seal without marking them: each row records the transaction that wrote it (the
-- application role cannot name another), and each seal records a horizon, the oldest transaction still running
-- when it read the log, so every transaction before that horizon had ended and its committed rows were sealed.
-- The next seal reads only rows written at or after the horizon and leaves out those that recent seals already
-- hold. Transaction ids are this cluster's: a physical backup (pgBackRest) or pg_upgrade keeps them.
create table personal_data_access_log_seals (
    first_position  bigint primary key,
    row_ids         bigint[] not null check (cardinality(row_ids) > 0),
    row_hashes      bytea[]  not null,
    -- The newest transaction among its rows: the seals that may hold a row at or after a horizon.
    newest_writer   xid8,
    horizon         xid8 not null,
    sealed_at       timestamptz not null default now(),
    constraint personal_data_access_log_seals_whole check (cardinality(row_hashes) = cardinality(row_ids))
);
create index personal_data_access_log_seals_newest_writer on personal_data_access_log_seals (newest_writer);

alter table personal_data_access_log add column written_by xid8;
alter table personal_data_access_log alter column written_by set default pg_current_xact_id();
-- Rows not sealed yet are the first seal's (this migration's transaction is their writer and its horizon).
update personal_data_access_log set written_by = pg_current_xact_id() where chain_position is null;
-- Only rows written from now on: the rows sealed before this migration have no writer and need no index entry.
create index personal_data_access_log_written_by on personal_data_access_log (written_by) where written_by is not null;

-- The chain sealed so far, as seals of at most 10 000 rows each (their rows have no writer).
insert into personal_data_access_log_seals (first_position, row_ids, row_hashes, newest_writer, horizon)
select min(chain_position), array_agg(id order by chain_position), array_agg(row_hash order by chain_position), null,
       pg_current_xact_id()
from personal_data_access_log
where chain_position is not null
group by (chain_position - 1) / 10000;

alter table personal_data_access_log drop column chain_position, drop column previous_hash, drop column row_hash;

-- Where the chain goes on from: its last seal's last row, else where it starts.
create or replace function personal_data_access_log_head(out chain_position bigint, out row_hash bytea)
language sql stable
set search_path = pg_catalog, public
as $$
    select coalesce(last.chain_position, start.chain_position), coalesce(last.row_hash, start.row_hash)
    from personal_data_access_log_start() as start
    left join lateral (select s.first_position + cardinality(s.row_ids) - 1 as chain_position, s.row_hashes[cardinality(s.row_hashes)] as row_hash
                       from personal_data_access_log_seals s order by s.first_position desc limit 1) as last on true
$$;

-- Seals up to `batch` committed rows, oldest id first, into one new seal. Runs as the owner (the application role
-- may not write seals), one caller at a time: another finds the lock taken and returns 0, the work being done.
create or replace function seal_personal_data_access_log(batch int) returns bigint
language plpgsql security definer
set search_path = pg_catalog, public
as $$
declare
    head_position bigint;
    head_hash bytea;
    since xid8;
    horizon xid8;
    newest xid8;
    entry record;
    ids bigint[] := '{}';
    hashes bytea[] := '{}';
begin
    if not pg_try_advisory_xact_lock(3134054151) then
        return 0;
    end if;
    select h.chain_position, h.row_hash into head_position, head_hash from personal_data_access_log_head() h;
    select coalesce((select s.horizon from personal_data_access_log_seals s order by s.first_position desc limit 1), '0') into since;
    -- Taken before the rows are read (each statement reads anew): every transaction before it has ended, so the
    -- query below reads all their committed rows.
    horizon := pg_snapshot_xmin(pg_current_snapshot());
    for entry in select l.id, l.written_by, personal_data_access_log_content(l) as content
                 from (select * from personal_data_access_log c
                       where c.written_by >= since
                         and not exists (select from personal_data_access_log_seals s cross join lateral unnest(s.row_ids) as sealed(id)
                                         where s.newest_writer >= since and sealed.id = c.id)
                       order by c.id limit batch) as l
                 order by l.id loop
        head_hash := personal_data_access_log_row_hash(head_hash, entry.content);
        ids := ids || entry.id;
        hashes := hashes || head_hash;
        newest := greatest(newest, entry.written_by);
    end loop;
    if cardinality(ids) = 0 then
        return 0;
    end if;
    -- A full batch may have left rows before the horizon: the next seal starts from the same place.
    insert into personal_data_access_log_seals (first_position, row_ids, row_hashes, newest_writer, horizon)
    values (head_position + 1, ids, hashes, newest, case when cardinality(ids) < batch then horizon else since end);
    return cardinality(ids);
end
$$;

-- Removes the chain's oldest rows that are past retention, up to the first row still within it: only a prefix, so
-- what remains verifies from the anchor written here (a row sealed after a younger one waits for the next purge).
-- Seals whose rows are all gone go with them. Retention under 12 months is refused whoever asks: the ministry's
-- directive keeps access records that long.
create or replace function purge_personal_data_access_log(retention interval, out rows_purged bigint, out purged_through bigint)
language plpgsql security definer
set search_path = pg_catalog, public
as $$
declare
    cutoff timestamptz := now() - retention;
    start_position bigint;
    seal personal_data_access_log_seals;
    first_young bigint;
    through bigint;
    removed bigint;
    last_hash bytea;
begin
    if retention < interval '12 months' then
        raise exception 'personal-data access records are kept at least 12 months, not %', retention;
    end if;
    perform pg_advisory_xact_lock(3134054151);
    select s.chain_position into start_position from personal_data_access_log_start() s;
    rows_purged := 0;
    for seal in select * from personal_data_access_log_seals s
                where s.first_position + cardinality(s.row_ids) - 1 > start_position order by s.first_position loop
        -- The rank in this seal of its first row still within retention.
        select min(e.rank) into first_young
        from unnest(seal.row_ids) with ordinality as e(id, rank) join personal_data_access_log l on l.id = e.id
        where l.occurred_at >= cutoff and seal.first_position + e.rank - 1 > start_position;
        through := coalesce(first_young - 1, cardinality(seal.row_ids));
        exit when seal.first_position + through - 1 <= start_position;
        purged_through := seal.first_position + through - 1;
        last_hash := seal.row_hashes[through];
        delete from personal_data_access_log l using unnest(seal.row_ids[1:through]) as purged(id) where l.id = purged.id;
        get diagnostics removed = row_count;
        rows_purged := rows_purged + removed;
        exit when first_young is not null;
    end loop;
    if purged_through is null then
        return;
    end if;
    delete from personal_data_access_log_seals s where s.first_position + cardinality(s.row_ids) - 1 <= purged_through;
    insert into personal_data_access_log_anchors (purged_before, rows_purged, chain_position, row_hash)
    values (cutoff, rows_purged, purged_through, last_hash);
end
$$;

revoke execute on function seal_personal_data_access_log(int), purge_personal_data_access_log(interval) from public;
