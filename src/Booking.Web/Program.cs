using Booking.ServiceDefaults;
using Booking.Web.Apis;
using Booking.Web.Extensions;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddCitizenSite();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapDefaultEndpoints();

app.MapGroup("/api/v1")
    .MapCatalogApi()
    .MapAvailabilityApi()
    .MapHoldsApi()
    .MapBookingsApi()
    .MapPrivacyApi()
    .MapWaitingRoomsApi();
app.MapPassesApi();
app.MapCitizenSite();

app.Run();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
