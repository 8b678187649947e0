-- pgbench custom script: one transaction = one booking-like row, the way a confirmation would write it alone
-- (no group commit). ~200 bytes of sealed citizen details, a 32-byte fingerprint, a random clinic so the seat index never
-- conflicts. Run by Booking.LoadTest:  pgbench -n -c 32 -j 2 -T 10 -M prepared -f insert-booking-like-row.sql
\set seat random(0, 19)
\set slot random(0, 4319)
insert into loadtest_probe (id, confirmation_code, tenant_id, location_id, service_code, slot_start, slot_end, seat, slot_capacity,
                            status, hold_id, idempotency_key, citizen_ciphertext, encryption_key_id, citizen_fingerprint,
                            health_card_fingerprint, language, consent_at)
values (gen_random_uuid(), md5(random()::text), 'a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'COVID19',
        date_trunc('day', now()) + make_interval(mins => 10 * :slot::int), date_trunc('day', now()) + make_interval(mins => 10 * :slot::int + 10),
        :seat::int, 20, 'confirmed', gen_random_uuid()::text, gen_random_uuid()::text,
        decode(repeat(md5(random()::text), 12), 'hex'), 'k20260101',
        decode(md5(random()::text) || md5(random()::text), 'hex'), null, 'fr', now());
