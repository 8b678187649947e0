using Booking.Web.ApiDocument;
using Booking.Web.Availability;
using Booking.Web.Bookings;
using Booking.Web.Infrastructure;
using Booking.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class AvailabilityApi
{
    public static RouteGroupBuilder MapAvailabilityApi(this RouteGroupBuilder api)
    {
        var availability = api.MapGroup("").WithTags(ApiTags.Availability);
        availability.MapGet("/availability", Search).WithName("SearchAvailability")
            .WithSummary("Nearby clinics with free slots for a service, nearest first, each with its earliest slotsPerLocation free slots");
        return api;
    }

    private static async Task<Results<SerializedJson<AvailabilityResponse>, ValidationProblem>> Search(
        string? service, string? postalCode, string? from, int? days, double? radiusKm, int? limit, int? slotsPerLocation,
        AvailabilityCriteriaReader reader, AvailabilityAnswers answers, CancellationToken cancellationToken)
    {
        var outcome = await reader.ReadAsync(new AvailabilityInput(service, postalCode, from, days, radiusKm, limit, slotsPerLocation), cancellationToken);
        if (outcome is not Outcome<AvailabilityCriteria>.Succeeded { Value: var criteria })
            return ((Outcome<AvailabilityCriteria>.Invalid)outcome).Errors.ToProblem();
        return new SerializedJson<AvailabilityResponse>(await answers.JsonAsync(criteria, cancellationToken));
    }
}
