using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Domain.Bookings;
using Booking.Testing;

namespace Booking.Admin.Tests;

/// <summary>The booking page over real HTTP: what staff see, which tenants' bookings they reach, and the audit record
/// each consultation leaves.</summary>
[Collection(AdminCollection.Name)]
public sealed class BookingPageTests(AdminFixture fixture) : IDisposable
{
    private readonly StaffSession _session = new(fixture.SiteAddress);
    private readonly TestBookings _bookings = new(fixture);

    public void Dispose() => _session.Dispose();

    private async Task<(HttpStatusCode Status, string Html)> LookUpAsync(string code)
    {
        var response = await _session.GetAsync($"bookings?code={Uri.EscapeDataString(code)}");
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private Task<long> ConsultationsAsync(Guid bookingId) =>
        fixture.Database.ScalarAsync<long>("select count(*) from personal_data_access_log where record_id = @id and program = 'Booking.Admin/bookings'", ("id", bookingId));

    private static string Comparable(string html, string code) =>
        Regex.Replace(html.Replace(code, "CODE"), "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "");

    [Fact]
    public async Task Staff_see_the_booking_the_citizen_and_each_message_with_its_delivery_status()
    {
        var booking = await _bookings.BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Héloïse", "Bergeron");
        await _bookings.BounceEmailThenDeliverSmsAsync(booking.Id);
        await _session.SignInAsync(await fixture.EnrolledAsync(DemoSeed.MontrealRegion));

        var (status, html) = await LookUpAsync(booking.ConfirmationCode.Replace("-", "").ToLowerInvariant());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Héloïse Bergeron", html);
        Assert.Contains("Stade olympique", html);
        Assert.Contains("Vaccin contre l'influenza", html);
        Assert.Contains(TimeZoneInfo.ConvertTime(booking.SlotStart, QuebecDate.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), html);
        Assert.Contains("data-status=\"bounced\" data-channel=\"email\"", html);
        Assert.Contains("550 5.1.1 mailbox unavailable", html);
        Assert.Contains("data-status=\"delivered\" data-channel=\"sms\"", html);
        Assert.Contains("Refusé par le destinataire", html);
        Assert.Contains("Livré", html);
        Assert.Contains("class=\"fallback\"", html);
    }

    [Fact]
    public async Task Each_consultation_is_logged_with_the_staff_member_and_their_address()
    {
        var booking = await _bookings.BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Rosalie", "Gauthier");
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);

        await LookUpAsync(booking.ConfirmationCode);
        await LookUpAsync(booking.ConfirmationCode);

        Assert.Equal(2L, await ConsultationsAsync(booking.Id));
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>("""
            select count(*) from personal_data_access_log
            where record_id = @id and actor = @actor and access = 'read' and table_name = 'bookings'
              and source_ip = @ip and occurred_at > now() - interval '5 minutes'
            """, ("id", booking.Id), ("actor", $"staff:{member.Id}"), ("ip", _session.SourceAddress)));
    }

    [Fact]
    public async Task Another_tenants_booking_answers_exactly_like_an_unknown_code()
    {
        var quebec = await _bookings.BookAsync(DemoSeed.QuebecRegion, TestBookings.QuebecClinic, "Léa", "Côté");
        await _session.SignInAsync(await fixture.EnrolledAsync(DemoSeed.MontrealRegion));
        var unknown = ConfirmationCode.New();

        var other = await LookUpAsync(quebec.ConfirmationCode);
        var none = await LookUpAsync(unknown);

        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal(none.Status, other.Status);
        Assert.Contains("Aucun rendez-vous ne correspond à ce numéro.", other.Html);
        // Same page, once the code typed and the sign-out form's per-response antiforgery token are set aside.
        Assert.Equal(Comparable(none.Html, unknown), Comparable(other.Html, quebec.ConfirmationCode));
        Assert.DoesNotContain("Côté", other.Html);
        Assert.Equal(0L, await ConsultationsAsync(quebec.Id));
    }

    [Fact]
    public async Task The_parent_tenants_staff_see_a_sub_tenants_booking()
    {
        var montreal = await _bookings.BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Noémie", "Lavoie");
        await _session.SignInAsync(await fixture.EnrolledAsync(DemoSeed.Ministry));

        var (status, html) = await LookUpAsync(montreal.ConfirmationCode);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Noémie Lavoie", html);
        Assert.Equal(1L, await ConsultationsAsync(montreal.Id));
    }

    [Fact]
    public async Task A_malformed_code_is_not_found_and_nothing_is_logged()
    {
        await _session.SignInAsync(await fixture.EnrolledAsync(DemoSeed.Ministry));
        var before = await fixture.Database.ScalarAsync<long>("select count(*) from personal_data_access_log where program = 'Booking.Admin/bookings'");

        var (status, html) = await LookUpAsync("'; drop table bookings; --");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Aucun rendez-vous ne correspond à ce numéro.", html);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("select count(*) from personal_data_access_log where program = 'Booking.Admin/bookings'"));
    }
}
