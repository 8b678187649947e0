-- Law 25: personal information is kept no longer than needed. Each class of personal data has a retention in months,
-- counted from the appointment (or from when a request was closed, or a waiting-list entry ended); a tenant may set
-- its own, which its subtree inherits, never under the class's floor. Past it, the sealed fields are erased (or their
-- sealed rows removed) and the statistics columns stay, so counts and extracts do not change.
create table retention_classes (
    data_class      text primary key,
    default_months  int  not null,
    -- Below this, a citizen could still be owed the data: an access or correction request answered within 30 days, a
    -- refusal or complaint taken further within the following months (docs/security-and-privacy.md).
    floor_months    int  not null check (floor_months >= 1),
    check (default_months between floor_months and 120)
);
insert into retention_classes (data_class, default_months, floor_months) values
    ('citizen_details', 12, 6),
    ('declarations', 6, 6),
    ('closed_requests', 24, 12),
    ('waiting_list', 3, 1);

create table tenant_retention (
    tenant_id   uuid not null references tenants (id),
    data_class  text not null references retention_classes (data_class),
    months      int  not null check (months <= 120),
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, data_class)
);

-- The floor is the database's rule, whoever writes: the staff site checks it first only to say so per field.
create function tenant_retention_above_floor() returns trigger
language plpgsql
set search_path = pg_catalog, public
as $$
declare
    floor int;
begin
    select c.floor_months into floor from retention_classes c where c.data_class = new.data_class;
    if new.months < floor then
        raise exception 'retention of % is at least % months, not %', new.data_class, floor, new.months using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger tenant_retention_floor before insert or update on tenant_retention
    for each row execute function tenant_retention_above_floor();

-- An erased booking keeps everything counted (service, clinic, slot, seat, status, channel, age band, times) and
-- loses what names the person: their sealed details, the fingerprints that find them and the request's fingerprint.
alter table bookings
    alter column citizen_ciphertext drop not null,
    alter column encryption_key_id drop not null,
    alter column citizen_fingerprint drop not null,
    add column personal_data_erased_at timestamptz,
    add constraint bookings_erased_whole check (
        (personal_data_erased_at is null) = (citizen_ciphertext is not null)
        and (citizen_ciphertext is null) = (encryption_key_id is null)
        and (citizen_ciphertext is null) = (citizen_fingerprint is null)
        and (personal_data_erased_at is null or (health_card_fingerprint is null and phone_fingerprint is null and request_digest is null)));
create index bookings_retention on bookings (tenant_id, slot_end) where personal_data_erased_at is null;

alter table waiting_list_entries
    alter column contact_ciphertext drop not null,
    alter column encryption_key_id drop not null,
    alter column contact_fingerprint drop not null,
    add column personal_data_erased_at timestamptz,
    add constraint waiting_list_entries_erased_whole check (
        (personal_data_erased_at is null) = (contact_ciphertext is not null)
        and (contact_ciphertext is null) = (encryption_key_id is null)
        and (contact_ciphertext is null) = (contact_fingerprint is null));

-- The note typed with a staff change is sealed personal data in an evidence table the application may not update: the
-- owner erases it, and only for bookings whose details are already erased, so this cannot empty live evidence.
create function erase_booking_change_notes(booking_ids uuid[]) returns bigint
language sql security definer
set search_path = pg_catalog, public
as $$
    with erased as (
        update booking_change_audit a set note_ciphertext = null, note_key_id = null
        from bookings b
        where b.id = a.booking_id and b.id = any(booking_ids) and b.personal_data_erased_at is not null and a.note_ciphertext is not null
        returning 1)
    select count(*) from erased
$$;
revoke execute on function erase_booking_change_notes(uuid[]) from public;
