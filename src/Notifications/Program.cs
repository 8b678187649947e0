using Booking.Notifications.Extensions;

// The notification worker: drains the outbox the booking path writes, fires reminders, and serves the providers'
// webhooks. Any number may run at once.
NotificationsHost.Create(args).Run();
