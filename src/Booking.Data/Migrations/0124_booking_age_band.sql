-- The person's age band on the appointment's day (0-4, 5-11, 12-17, 18-29, then ten-year bands to 80+), written in
-- clear with the booking so that the ministry's extracts count by age without the birth date, which stays sealed.
-- Bookings made before it have none.
alter table bookings add column age_band text;
