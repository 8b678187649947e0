-- Providers' reports (delivered, bounced, failed) reach the staff e-mails and the waiting list's messages too, not only
-- the citizens' booking messages: an offer that bounced is then seen as such, not as sent.
alter table staff_notifications drop constraint staff_notifications_status_check;
alter table staff_notifications add constraint staff_notifications_status_check
    check (status in ('queued', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'dead_letter'));
alter table waiting_list_messages drop constraint waiting_list_messages_status_check;
alter table waiting_list_messages add constraint waiting_list_messages_status_check
    check (status in ('queued', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'dead_letter'));
