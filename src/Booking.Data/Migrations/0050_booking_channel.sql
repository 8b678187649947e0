-- How each booking was made, for the ministry's extracts: on the booking site or API ('web'), by a contact-centre
-- agent on a caller's behalf ('agent'), or at the clinic's front desk for someone without an appointment ('walk-in').
-- Every booking made before this was made on the web.
alter table bookings
    add column channel text not null default 'web' check (channel in ('web', 'agent', 'walk-in'));
