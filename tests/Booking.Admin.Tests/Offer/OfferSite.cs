using System.Net;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;

namespace Booking.Admin.Tests.Offer;

/// <summary>The staff site as the offer's tests use it: signed-in sessions of managers of a tenant, and pages read as
/// text.</summary>
public static class OfferSite
{
    /// <summary>A new administrator of <paramref name="tenant"/> (the Montréal region unless told), who manages the offer
    /// of all its clinics, signed in with both factors.</summary>
    public static Task<StaffSession> ManagerAsync(this OfferFixture fixture, Guid? tenant = null) =>
        fixture.SignedInAsync(new RoleGrant(StaffRole.TenantAdministrator, tenant ?? DemoSeed.MontrealRegion));

    /// <summary>A new person of the grant's tenant holding <paramref name="role"/>, signed in with both factors.</summary>
    public static async Task<StaffSession> SignedInAsync(this OfferFixture fixture, RoleGrant role)
    {
        var session = new StaffSession(fixture.StaffSiteAddress);
        await session.SignInAsync(await fixture.StaffAsync(role));
        return session;
    }

    /// <summary>A new enrolled person of the grant's tenant holding <paramref name="role"/>.</summary>
    public static Task<StaffMember> StaffAsync(this OfferFixture fixture, RoleGrant role) =>
        StaffAccounts.EnrolledAsync(fixture.StaffServices, fixture.Database.DataSource, role.Tenant, role);

    public static async Task<string> TextAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Where a save sent the browser: the page's path and query.</summary>
    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('/'))
            : throw new InvalidOperationException($"Not a redirect: {(int)response.StatusCode}");

    /// <summary>The page's alerts, so that a failure names the reason the staff site gave for a refusal.</summary>
    public static async Task<string> AlertsAsync(this HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        var alerts = Regex.Matches(html, @"<(\w+)[^>]*role=""alert""[^>]*>(.*?)</\1>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(Regex.Replace(m.Groups[2].Value, "<[^>]+>", " "), @"\s+", " ").Trim());
        return string.Join(" | ", alerts) is { Length: > 0 } said ? said : "(no alert on the page)";
    }

    /// <summary>Asserts a form was saved (the site redirects after a save), or says what the page answered instead.</summary>
    public static async Task AssertSavedAsync(this HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Found)
            Assert.Fail($"Not saved: the page answered {(int)response.StatusCode}: {await response.AlertsAsync()}");
    }

    public static Task<long> CountAsync(this PostgresDatabase database, string sql, params (string Name, object Value)[] parameters) =>
        database.ScalarAsync<long>(sql, parameters);
}
