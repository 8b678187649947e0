using Booking.Domain.Catalog;
using System.Globalization;
using Booking.Data.PostalCodes;
using Booking.Web.Availability;
using Booking.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class AvailabilityApi
{
    private const int MaxDays = 31;
    private const int BookingHorizonDays = 365;
    // "Clinics near me" shows each clinic's first times; a day picker asks for one day with a larger number.
    private const int DefaultSlotsPerLocation = 20;
    private const int MaxSlotsPerLocation = 500;

    public static RouteGroupBuilder MapAvailabilityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/availability", Search).WithName("SearchAvailability")
            .WithSummary("Nearby clinics with free slots for a service, nearest first, each with its earliest slotsPerLocation free slots");
        return api;
    }

    private static async Task<Results<Ok<AvailabilityResponse>, ValidationProblem>> Search(
        string? service, string? postalCode, string? from, int? days, double? radiusKm, int? limit, int? slotsPerLocation,
        ReferenceData referenceData, PostalCodeLocator locator, AvailabilitySearch search, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reference = await referenceData.GetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(service))
            errors.Add("service", ErrorCodes.Required, "Choose a service.");
        else if (!reference.Services.ContainsKey(service))
            errors.Add("service", ErrorCodes.UnknownService, $"Unknown service. Known services: {string.Join(", ", reference.Services.Keys.Order())}.");

        var origin = await Origin(postalCode, locator, errors, cancellationToken);

        var today = QuebecTime.Today(clock);
        var start = today;
        if (!string.IsNullOrWhiteSpace(from) && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
            errors.Add("from", ErrorCodes.InvalidDate, "Give the date as YYYY-MM-DD.");
        else if (start < today || start > today.AddDays(BookingHorizonDays))
            errors.Add("from", ErrorCodes.OutOfRange, $"The date must be between today and {BookingHorizonDays} days from now.");
        if (days is < 1 or > MaxDays)
            errors.Add("days", ErrorCodes.OutOfRange, $"Between 1 and {MaxDays} days.");
        if (radiusKm is < 1 or > 1000)
            errors.Add("radiusKm", ErrorCodes.OutOfRange, "Between 1 and 1000 km.");
        if (limit is < 1 or > 50)
            errors.Add("limit", ErrorCodes.OutOfRange, "Between 1 and 50 clinics.");
        if (slotsPerLocation is < 1 or > MaxSlotsPerLocation)
            errors.Add("slotsPerLocation", ErrorCodes.OutOfRange, $"Between 1 and {MaxSlotsPerLocation} slots.");
        if (errors.Any)
            return errors.ToProblem();

        var query = new AvailabilityQuery(service!, origin!.Value.Point, start, days ?? 7, radiusKm ?? 50, limit ?? 10,
            slotsPerLocation ?? DefaultSlotsPerLocation);
        var locations = await search.FindAsync(query, cancellationToken);
        return TypedResults.Ok(new AvailabilityResponse(service!, origin.Value.Code.ToString(), start, query.Days, locations));
    }

    private static async Task<(PostalCode Code, Domain.Catalog.GeoPoint Point)?> Origin(string? postalCode, PostalCodeLocator locator, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (!PostalCode.TryParse(postalCode, out var code))
        {
            errors.Add("postalCode", ErrorCodes.InvalidPostalCode, "Give a Canadian postal code, e.g. H2X 1Y4.");
            return null;
        }
        if (await locator.LocateAsync(code, cancellationToken) is not { } point)
        {
            errors.Add("postalCode", ErrorCodes.UnknownPostalCode, "We do not know where this postal code is. Check it, or try the first three characters.");
            return null;
        }
        return (code, point);
    }
}
