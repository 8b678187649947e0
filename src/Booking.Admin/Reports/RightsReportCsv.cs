using System.Text;
using Booking.Staff.Access;
using Booking.Staff.Administration;

namespace Booking.Admin.Reports;

public static class RightsReportCsv
{
    /// <summary><c>GET /staff/rights.csv</c>: the rights report of the rights page, over the same accounts (the tenants
    /// where the person holds <see cref="StaffPermission.ManageStaff"/>), never cached.</summary>
    public static IEndpointRouteBuilder MapRightsReportCsv(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/staff/rights.csv", DownloadAsync).RequireAuthorization(StaffPolicies.ManageStaff);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, StaffRightsQuery rights, TimeProvider clock)
    {
        var userId = StaffAccess.UserId(context.User) ?? throw new InvalidOperationException("A staff endpoint without a signed-in person.");
        var report = await rights.ReportAsync(userId, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        var name = $"rights-{clock.GetUtcNow():yyyy-MM-dd}.csv";
        return Results.File(Encoding.UTF8.GetBytes(StaffRightsCsv.Write(report)), "text/csv; charset=utf-8", name);
    }
}
