using System.Net;
using Booking.Data.Demo;
using Booking.Testing;

namespace Booking.Admin.Tests.Offer;

/// <summary>The staff site as the offer's tests use it: signed-in sessions of managers of a tenant, and pages read as
/// text.</summary>
public static class OfferSite
{
    /// <summary>A new manager of <paramref name="tenant"/> (the Montréal region unless told), signed in with both factors.</summary>
    public static async Task<StaffSession> ManagerAsync(this OfferFixture fixture, Guid? tenant = null)
    {
        var session = new StaffSession(fixture.StaffSiteAddress);
        await session.SignInAsync(await StaffAccounts.EnrolledAsync(fixture.StaffServices, tenant ?? DemoSeed.MontrealRegion));
        return session;
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Where a save sent the browser: the page's path and query.</summary>
    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('/'))
            : throw new InvalidOperationException($"Not a redirect: {(int)response.StatusCode}");

    public static Task<long> CountAsync(this PostgresDatabase database, string sql, params (string Name, object Value)[] parameters) =>
        database.ScalarAsync<long>(sql, parameters);
}
