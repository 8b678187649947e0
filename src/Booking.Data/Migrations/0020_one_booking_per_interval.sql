-- A service with a minimum interval between two of its own appointments (a vaccine's doses) is guarded here too, not
-- only by the web host's eligibility check: concurrent confirmations at different clinics or days would each pass that
-- check. Each live booking of such a service covers [its local date, date + interval) in interval_window, and two
-- windows of the same citizen (by name and birth date, or by health card) and service may not overlap: exactly
-- "less than the interval apart", whichever is booked first.
create extension if not exists btree_gist;

alter table bookings add column interval_window daterange;

update bookings b
set interval_window = daterange((b.slot_start at time zone l.time_zone)::date,
                                (b.slot_start at time zone l.time_zone)::date + s.min_interval_days)
from services s, locations l
where s.code = b.service_code and s.min_interval_service = s.code and l.id = b.location_id and b.status = 'confirmed';

-- Bookings made too close together before this guard existed stay booked (a person decides what to do with them);
-- only the earliest made of each overlap is guarded, so the constraints can be created.
update bookings b
set interval_window = null
where b.interval_window is not null
  and exists (select 1 from bookings e
              where e.service_code = b.service_code and e.status = 'confirmed' and e.interval_window && b.interval_window
                and (e.citizen_fingerprint = b.citizen_fingerprint or e.health_card_fingerprint = b.health_card_fingerprint)
                and (e.created_at, e.id) < (b.created_at, b.id));

alter table bookings add constraint bookings_one_per_interval
    exclude using gist (citizen_fingerprint with =, service_code with =, interval_window with &&)
    where (status = 'confirmed');
alter table bookings add constraint bookings_one_per_interval_by_health_card
    exclude using gist (health_card_fingerprint with =, service_code with =, interval_window with &&)
    where (status = 'confirmed' and health_card_fingerprint is not null);
