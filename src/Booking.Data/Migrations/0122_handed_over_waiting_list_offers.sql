-- A hold handed over through a graceful stop may stand for a seat offered to someone on the waiting list. The next
-- activation must go on owing that seat to the list: to the next person when the offer is declined or runs out,
-- even if it ran out while no activation was there (such a row stays until the clinic-day takes it back).
alter table handed_over_holds add column offered_to_waiting_list boolean not null default false;
