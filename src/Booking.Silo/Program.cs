using Booking.ServiceDefaults;
using Booking.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBookingSilo();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
