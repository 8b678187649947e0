using Booking.ServiceDefaults;
using Booking.Web.Apis;
using Booking.Web.Extensions;
using Booking.Web.Infrastructure;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddCitizenSite();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseSecurityHeaders(policy =>
{
    policy.ThirdPartyPages.Add("/scalar");
    policy.RelativeRedirects = true;
});
app.UseExceptionHandler();
app.UseRequestSizeLimits();
app.UseBodyCharsetCheck();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapDefaultEndpoints();
app.UseRateLimiter();

app.MapGroup("/api/v1")
    .RequireClientRateLimit()
    .MapCatalogApi()
    .MapAvailabilityApi()
    .MapHoldsApi()
    .MapBookingsApi()
    .MapWaitingListApi()
    .MapPrivacyApi()
    .MapWaitingRoomsApi();
app.MapPassesApi();
app.MapAvailabilityFeedApi();
app.MapCitizenSite();

app.Run();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
