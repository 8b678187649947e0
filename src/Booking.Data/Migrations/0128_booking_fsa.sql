-- The forward sortation area of the person's postal code (the first three characters, e.g. H2X), written in clear with
-- the booking so that the ministry's extracts count by area. Only the area is kept, nowhere the full postal code: the
-- extracts need no finer place, and a full code can narrow a person down to a few buildings. Optional, so bookings
-- made without a postal code, and those made before it was asked, have none.
alter table bookings add column fsa text;
