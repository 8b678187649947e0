using Booking.DevInbox;

// A local stand-in for SendGrid and Twilio: records what the notification worker sends, shows it in a dev inbox
// page, answers and calls back like the real providers, and fails on demand for tests. Development and tests only.
DevInboxHost.Create(args).Run();
