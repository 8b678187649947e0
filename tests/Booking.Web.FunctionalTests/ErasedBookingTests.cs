using System.Net;
using Booking.Data.Retention;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>A booking whose citizen was erased under the retention rule still opens through its manage link: the facts
/// stay, the details are said to be erased, nothing fails.</summary>
[Collection(PlatformCollection.Name)]
public class ErasedBookingTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    [Fact]
    public async Task A_manage_link_to_an_erased_booking_shows_its_facts_and_says_the_details_were_erased()
    {
        var booked = await _api.Book(CitizenApi.Stade, "COVID19", QuebecDate.At(QuebecDate.NextWeekday(4), 15, 30));
        var (code, token) = (booked["confirmationCode"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>());
        // The appointment as if it had ended 14 months ago, past the 12 months citizens' details are kept by default.
        var tenant = await platform.Database.ScalarAsync<Guid>("""
            update bookings set slot_start = slot_start - interval '14 months', slot_end = slot_end - interval '14 months', interval_window = null
            where confirmation_code = @code returning tenant_id
            """, ("code", code));
        var source = platform.Database.DataSource;
        var erased = await new RetentionPurge(source, new TenantRetentionRepository(source)).PurgeTenantAsync(tenant, TestClock.Now);

        var booking = await _api.Get(code, token);
        var copy = await platform.Http.GetAsync($"/api/v1/bookings/{code}/personal-information?token={Uri.EscapeDataString(token)}");
        var page = await platform.Http.GetAsync($"/manage/{code}?token={Uri.EscapeDataString(token)}&lang=en");

        Assert.True(erased.Single(e => e.DataClass == RetentionClass.CitizenDetails).Erased >= 1);
        Assert.Equal(HttpStatusCode.OK, booking.StatusCode);
        var json = await CitizenApi.Json(booking);
        Assert.Equal(code, json["confirmationCode"]!.GetValue<string>());
        Assert.Null(json["citizen"]);
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        Assert.Null((await CitizenApi.Json(copy))["citizen"]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Details erased under the retention rule", html);
        Assert.Contains(code, html);
    }
}
