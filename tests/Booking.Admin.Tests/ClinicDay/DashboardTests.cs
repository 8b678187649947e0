using System.Net;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Staff.Access;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>A clinic's dashboard over real HTTP: each day's seats and counts in the charts and in the table that is
/// their text alternative, and the delivery of its messages by channel; another region's clinic is not found.</summary>
[Collection(AdminCollection.Name)]
public sealed class DashboardTests(AdminFixture fixture)
{
    [Fact]
    public async Task A_clinic_manager_sees_each_days_seats_bookings_attendance_and_cancellations_as_charts_and_a_table()
    {
        var bookings = new DayBookings(fixture);
        var (clinic, _, start) = await bookings.AllDayClinicAsync();
        var came = await bookings.BookAsync(clinic, start, "Tableau", "Un");
        await bookings.BookAsync(clinic, start, "Tableau", "Deux");
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.ClinicManager, DemoSeed.MontrealRegion, clinic));
        using var _ = session;
        await session.SubmitAsync($"clinic-day/{clinic}", "code", [new("code", came.ConfirmationCode)]);
        var today = Regex.Match((await session.PageAsync($"clinic-day/{clinic}")).Html, "<time datetime=\"(?<day>[0-9-]{10})\"").Groups["day"].Value;

        var (status, html) = await session.PageAsync($"dashboard?clinic={clinic}");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Regex.Match(html, $"<tr data-day=\"{today}\">.*?</tr>", RegexOptions.Singleline).Value;
        // Open all day: 143 ten-minute slots of one seat (00:00 to 23:50), a few fewer on a day the clocks go forward.
        Assert.InRange(int.Parse(Regex.Match(row, "class=\"capacity\">(?<n>[0-9]+)<").Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), 130, 150);
        Assert.Contains("class=\"booked\">2<", row);
        Assert.Contains("class=\"checked-in\">1<", row);
        Assert.Contains("<svg id=\"seats\" role=\"img\"", html);
        Assert.Contains("<svg id=\"attendance\" role=\"img\"", html);
        Assert.Contains("tr data-channel=\"", html);
        Assert.Equal(61, Regex.Count(html, "<tr data-day="));
    }

    [Fact]
    public async Task Another_regions_clinic_is_not_found_on_the_dashboard()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.QuebecRegion));
        using var _ = session;

        var (status, html) = await session.PageAsync($"dashboard?clinic={DayBookings.Palais}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Palais des congrès", html);
    }
}
