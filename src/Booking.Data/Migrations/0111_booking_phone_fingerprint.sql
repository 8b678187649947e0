-- A contact-centre agent finds a caller's bookings by their phone number: a keyed fingerprint of its E.164 digits (as
-- for SMS opt-outs), never the number. Bookings made before this have none until their citizen books again; they are
-- still found by confirmation code or health card.
alter table bookings add column phone_fingerprint bytea;

create index bookings_phone_fingerprint on bookings (phone_fingerprint) where phone_fingerprint is not null;
