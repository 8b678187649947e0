using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Booking.Staff.Privacy;

namespace Booking.Admin.Privacy;

public static class PrivacyExportEndpoint
{
    /// <summary><c>GET /privacy/export?code=…</c>: everything held for the citizen of a booking the person in charge of
    /// personal information reaches (<see cref="StaffPermission.HandlePrivacyRequests"/>), as a JSON file, logged;
    /// any other code answers 404.</summary>
    public static IEndpointRouteBuilder MapPrivacyExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy/export", ExportAsync).RequireAuthorization(StaffPolicies.HandlePrivacyRequests);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(string? code, HttpContext context, PrivacyDesk desk)
    {
        var userId = StaffAccess.UserId(context.User) ?? throw new InvalidOperationException("A staff endpoint without a signed-in person.");
        var export = await desk.ExportAsync(new StaffActor(userId, context.Connection.RemoteIpAddress), code, context.RequestAborted);
        if (export is null)
            return Results.NotFound();
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(export.Content, "application/json; charset=utf-8", export.FileName);
    }
}
