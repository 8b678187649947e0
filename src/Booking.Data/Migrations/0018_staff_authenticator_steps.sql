-- The time step (RFC 6238: 30-second steps since the Unix epoch) of the last authenticator code accepted from each
-- staff member: a code is accepted once, so one seen over a shoulder or replayed opens no second session.
alter table staff_users add column authenticator_time_step bigint;
