using Booking.Notifications;

// Placeholder worker: sending SMS and e-mail is its own issue. It runs in the stack so that deployment is settled early.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<PlaceholderWorker>();
builder.Build().Run();
