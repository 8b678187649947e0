-- What a provider answered about a message (notification_events.detail, and the last of it in notifications.last_error)
-- is its own text: an error may quote the phone number or e-mail address it failed on. It is a class of personal data
-- with its own retention per tenant, counted from the event; past it the text is erased and the event's kind and time
-- stay, so delivery statistics do not change.
insert into retention_classes (data_class, default_months, floor_months) values ('notification_details', 3, 1);
create index notification_events_detail_kept on notification_events (occurred_at) where detail is not null;

-- Every sealed personal record tied to a tenant, with the tenant whose key must seal it and the key that does: what
-- resealing looks for and what shredding counts. A booking's records (its citizen, declarations, correction requests
-- and their answers) are its clinic's tenant's as the booking is now, so a booking moved to another tenant's clinic is
-- the new tenant's; a staff change's note stays the tenant's it was recorded for (booking_change_audit.tenant_id).
-- Key ids only, never a key.
create view tenant_sealed_rows as
    select 'bookings'::text as table_name, l.tenant_id, b.encryption_key_id as key_id
    from bookings b join locations l on l.id = b.location_id
    where b.encryption_key_id is not null
    union all
    select 'booking_declarations', l.tenant_id, d.encryption_key_id
    from booking_declarations d join bookings b on b.id = d.booking_id join locations l on l.id = b.location_id
    union all
    select 'correction_requests', l.tenant_id, r.encryption_key_id
    from correction_requests r join bookings b on b.id = r.booking_id join locations l on l.id = b.location_id
    union all
    select 'correction_request_answers', l.tenant_id, r.answer_key_id
    from correction_requests r join bookings b on b.id = r.booking_id join locations l on l.id = b.location_id
    where r.answer_key_id is not null
    union all
    select 'booking_change_audit', a.tenant_id, a.note_key_id
    from booking_change_audit a
    where a.note_key_id is not null;

-- A staff change's note sealed before its tenant had a key is sealed again with that key, by the owner: the application
-- may not update this evidence table otherwise. Only from a key that is not the tenant's to one that is, and only if
-- the key it was read under is still the one stored, so a note is resealed once and never moved off its tenant's key.
create function reseal_booking_change_notes(audit_ids bigint[], read_key_ids text[], new_ciphertexts bytea[], new_key_ids text[])
returns setof uuid
language sql security definer
set search_path = pg_catalog, public
as $$
    update booking_change_audit a set note_ciphertext = n.ciphertext, note_key_id = n.key_id
    from unnest(audit_ids, read_key_ids, new_ciphertexts, new_key_ids) as n(id, read_key_id, ciphertext, key_id)
    where a.id = n.id and a.note_key_id = n.read_key_id
      and a.note_key_id not like 't-' || a.tenant_id::text || '-v%'
      and n.key_id like 't-' || a.tenant_id::text || '-v%'
    returning a.booking_id
$$;
revoke execute on function reseal_booking_change_notes(bigint[], text[], bytea[], text[]) from public;
