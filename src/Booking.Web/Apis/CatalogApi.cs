using Booking.Web.Availability;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/services", ListServices).WithName("ListServices").WithSummary("Services citizens can book");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ServiceResponse>>> ListServices(ReferenceData referenceData, CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        IReadOnlyList<ServiceResponse> services = reference.Services.Values.OrderBy(s => s.Code)
            .Select(s => new ServiceResponse(s.Code, s.NameFr, s.NameEn, s.DurationMinutes)).ToList();
        return TypedResults.Ok(services);
    }
}
