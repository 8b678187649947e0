-- Whoever presents a confirmed hold's id again must not get that booking's confirmation code and manage token, and a
-- copy of this table must not yield ids to replay. So the hold id and the Idempotency-Key are kept only as SHA-256
-- digests (a hold id carries 96 random bits: its digest cannot be turned back), and a retried confirmation gets the
-- first answer only with the same key and the same request: request_digest, a keyed fingerprint made by the web host
-- (bookings confirmed before this have none, so they are never answered again).
alter table bookings rename column hold_id to hold_digest;
alter table bookings alter column hold_digest type bytea using sha256(convert_to(hold_digest, 'UTF8'));
alter table bookings rename column idempotency_key to idempotency_digest;
alter table bookings alter column idempotency_digest type bytea using sha256(convert_to(idempotency_digest, 'UTF8'));
alter table bookings add column request_digest bytea;
