using System.Globalization;
using Booking.Reporting.Access;
using Booking.Staff.Access;

namespace Booking.Admin.Extracts;

/// <summary>A ministry extract downloaded from the staff site: only the rows of the tenants where the person holds
/// <see cref="StaffPermission.DownloadExtracts"/>, each download logged with the person's id and address.</summary>
public static class ExtractDownloadEndpoint
{
    public const string Pattern = "/extracts/{dataset}/{day}/{format}";

    public static string Address(string dataset, DateOnly day, ExtractFormat format) =>
        $"extracts/{dataset}/{day:yyyy-MM-dd}/{format.Code()}";

    public static IEndpointRouteBuilder MapExtractDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(Pattern, DownloadAsync).RequireAuthorization(StaffPolicies.DownloadExtracts);
        return app;
    }

    /// <summary>An unknown dataset, format or day, or a partition not built yet: 404, as for an address that does not exist.</summary>
    private static async Task<IResult> DownloadAsync(string dataset, string day, string format, HttpContext context, StaffAccess access,
        ExtractDownloads downloads)
    {
        if (downloads.Dataset(dataset) is not { } extract || !ExtractFormats.TryParse(format, out var kind)
            || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Results.NotFound();
        var user = context.User;
        var tenants = await access.TenantsAsync(user, StaffPermission.DownloadExtracts, context.RequestAborted);
        var file = await downloads.DownloadAsync($"staff:{StaffAccess.UserId(user)}", extract, date, kind, tenants,
            context.Connection.RemoteIpAddress, context.RequestAborted);
        return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, file.FileName);
    }
}
