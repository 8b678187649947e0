using Booking.Data.Catalog;
using Booking.Web.ApiDocument;
using Booking.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        var catalogue = api.MapGroup("").WithTags(ApiTags.Catalogue);
        catalogue.MapGet("/services", ListServices).WithName("ListServices").WithSummary("Services citizens can book");
        catalogue.MapGet("/services/{code}/screening", Screening).WithName("GetScreeningQuestions")
            .WithSummary("The yes/no questions asked before booking a service (at a clinic, when locationId is given: its organisation may ask its own), in order; blockingAnswer is the answer that stops the booking");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ServiceResponse>>> ListServices(ReferenceData referenceData, CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        IReadOnlyList<ServiceResponse> services = reference.Services.Values.OrderBy(s => s.Code)
            .Select(s => new ServiceResponse(s.Code, s.NameFr, s.NameEn, s.DurationMinutes)).ToList();
        return TypedResults.Ok(services);
    }

    private static async Task<Results<Ok<ScreeningResponse>, ProblemHttpResult>> Screening(string code, Guid? locationId, ReferenceData referenceData,
        CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        if (!reference.Services.ContainsKey(code))
            return TypedResults.Problem(Problems.ServiceNotFound());
        var questions = locationId is { } location ? reference.ScreeningAt(location, code) : reference.ScreeningOf(code);
        return TypedResults.Ok(new ScreeningResponse(code, questions
            .Select(q => new ScreeningQuestionResponse(q.Id, q.Version, q.TextFr, q.TextEn, q.BlockingAnswer, q.ExplanationFr, q.ExplanationEn))
            .ToList()));
    }
}
