-- What a provider answered about a message (notification_events.detail, and the last of it in notifications.last_error)
-- is its own text: an error may quote the phone number or e-mail address it failed on. It is a class of personal data
-- with its own retention per tenant, counted from the event; past it the text is erased and the event's kind and time
-- stay, so delivery statistics do not change.
insert into retention_classes (data_class, default_months, floor_months) values ('notification_details', 3, 1);
create index notification_events_detail_kept on notification_events (occurred_at) where detail is not null;
