using Booking.Admin.Extensions;
using Booking.ServiceDefaults;

// The clinic site: staff sign in (password, then an authenticator code) and open a booking with its messages.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStaffSite();

var app = builder.Build();
app.UseSecurityHeaders(policy => policy.InlineStyles = true);
app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapStaffSite();
app.Run();

/// <summary>Visible to the admin tests' WebApplicationFactory.</summary>
public partial class Program;
