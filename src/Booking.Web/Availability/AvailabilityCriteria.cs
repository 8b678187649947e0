using System.Globalization;
using Booking.Data.Catalog;
using Booking.Data.PostalCodes;
using Booking.Domain.Catalog;
using Booking.Domain.Validation;
using Booking.Web.Bookings;

namespace Booking.Web.Availability;

/// <summary>What a citizen asked to search, as typed (the API's query string or the site's search form).</summary>
public sealed record AvailabilityInput(string? Service, string? PostalCode, string? From, int? Days, double? RadiusKm, int? Limit, int? SlotsPerLocation);

public sealed record AvailabilityCriteria(AvailabilityQuery Query, PostalCode PostalCode);

/// <summary>Turns a search as typed into a query, or says which fields are wrong (with codes the site translates);
/// shared by the API and the site so both accept exactly the same searches.</summary>
public sealed class AvailabilityCriteriaReader(ReferenceData referenceData, PostalCodeLocator locator, TimeProvider clock)
{
    public const int MaxDays = 31;
    public const int BookingHorizonDays = Domain.Bookings.BookingHorizon.Days;
    public const int MaxSlotsPerLocation = 500;
    // "Clinics near me" shows each clinic's first times; a day picker asks for one clinic with a larger number.
    private const int DefaultSlotsPerLocation = 20;

    public async Task<Outcome<AvailabilityCriteria>> ReadAsync(AvailabilityInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reference = await referenceData.GetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Service))
            errors.Add("service", ErrorCodes.Required, "Choose a service.");
        else if (!reference.Services.ContainsKey(input.Service))
            errors.Add("service", ErrorCodes.UnknownService, $"Unknown service. Known services: {string.Join(", ", reference.Services.Keys.Order())}.");

        var origin = await Origin(input.PostalCode, errors, cancellationToken);

        var today = QuebecTime.Today(clock);
        var start = today;
        if (!string.IsNullOrWhiteSpace(input.From) && !DateOnly.TryParseExact(input.From.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
            errors.Add("from", ErrorCodes.InvalidDate, "Give the date as YYYY-MM-DD.");
        else if (start < today || start > today.AddDays(BookingHorizonDays))
            errors.Add("from", ErrorCodes.OutOfRange, $"The date must be between today and {BookingHorizonDays} days from now.");
        if (input.Days is < 1 or > MaxDays)
            errors.Add("days", ErrorCodes.OutOfRange, $"Between 1 and {MaxDays} days.");
        if (input.RadiusKm is < 1 or > 1000)
            errors.Add("radiusKm", ErrorCodes.OutOfRange, "Between 1 and 1000 km.");
        if (input.Limit is < 1 or > 50)
            errors.Add("limit", ErrorCodes.OutOfRange, "Between 1 and 50 clinics.");
        if (input.SlotsPerLocation is < 1 or > MaxSlotsPerLocation)
            errors.Add("slotsPerLocation", ErrorCodes.OutOfRange, $"Between 1 and {MaxSlotsPerLocation} slots.");
        if (errors.Any)
            return errors;

        var query = new AvailabilityQuery(input.Service!, origin!.Value.Point, start, input.Days ?? 7, input.RadiusKm ?? 50, input.Limit ?? 10,
            input.SlotsPerLocation ?? DefaultSlotsPerLocation);
        return new AvailabilityCriteria(query, origin.Value.Code);
    }

    private async Task<(PostalCode Code, GeoPoint Point)?> Origin(string? postalCode, ValidationErrors errors, CancellationToken cancellationToken)
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
