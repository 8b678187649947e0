using Booking.Web.ApiDocument;
using Booking.Web.Bookings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary>Law 25: a copy of one's personal information, its correction, and privacy complaints.</summary>
public static class PrivacyApi
{
    public static RouteGroupBuilder MapPrivacyApi(this RouteGroupBuilder api)
    {
        var privacy = api.MapGroup("").WithTags(ApiTags.Privacy);
        privacy.MapGet("/bookings/{code}/personal-information", PersonalInformation).WithName("GetPersonalInformation").RequiresManageToken()
            .WithSummary("Everything held about the citizen for this booking, decrypted (manage token required; logged)");
        privacy.MapPost("/bookings/{code}/correction-requests", RequestCorrection).WithName("RequestCorrection").RequiresManageToken()
            .WithSummary("Ask for personal information to be corrected: fields, corrected values, note (manage token required; logged)");
        privacy.MapPost("/privacy-complaints", FileComplaint).WithName("FilePrivacyComplaint")
            .WithSummary("A complaint about how personal information was handled; answers a reference number");
        return api;
    }

    private static async Task<Results<Ok<PersonalInformationResponse>, ValidationProblem, ProblemHttpResult>> PersonalInformation(
        string code, HttpContext http, CitizenPrivacy privacy, CancellationToken cancellationToken) =>
        (await privacy.PersonalInformationAsync(code, ManageLinkAccess.TokenFrom(http.Request), http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(TypedResults.Ok);

    private static async Task<Results<Created<PrivacyRequestResponse>, ValidationProblem, ProblemHttpResult>> RequestCorrection(
        string code, CitizenCorrectionRequest? body, HttpContext http, CitizenPrivacy privacy, CancellationToken cancellationToken) =>
        (await privacy.RequestCorrectionAsync(code, ManageLinkAccess.TokenFrom(http.Request), body, http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(request => TypedResults.Created((string?)null, request));

    private static async Task<Results<Created<PrivacyRequestResponse>, ValidationProblem, ProblemHttpResult>> FileComplaint(
        ComplaintRequest? body, HttpContext http, CitizenPrivacy privacy, CancellationToken cancellationToken) =>
        (await privacy.FileComplaintAsync(body, http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(complaint => TypedResults.Created((string?)null, complaint));
}
