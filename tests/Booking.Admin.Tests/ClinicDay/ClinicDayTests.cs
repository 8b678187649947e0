using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>The front desk's day over real HTTP: counts per slot, search, check-in by a scanned pass, by code, by name
/// and birth date, no-shows, and the access-log record each consultation and change leaves.</summary>
[Collection(AdminCollection.Name)]
public sealed class ClinicDayTests(AdminFixture fixture)
{
    private readonly DayBookings _bookings = new(fixture);

    private Task<(StaffMember Member, StaffSession Session)> FrontDeskAsync(Guid clinic) =>
        fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));

    private static async Task<(HttpStatusCode Status, string Html)> ScanAsync(StaffSession session, Guid clinic, string pass) =>
        await Read(await session.SubmitAsync($"clinic-day/{clinic}", "scan", [new("pass", pass)]));

    private static async Task<(HttpStatusCode Status, string Html)> Read(HttpResponseMessage response) =>
        (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

    private Task<long> LoggedAsync(Guid bookingId, Guid staff, string access) => fixture.Database.ScalarAsync<long>("""
        select count(*) from personal_data_access_log
        where record_id = @id and actor = @actor and access = @access and program = 'Booking.Admin/clinic-day'
        """, ("id", bookingId), ("actor", $"staff:{staff}"), ("access", access));

    [Fact]
    public async Task The_day_counts_each_slot_and_shows_its_people_each_consultation_logged()
    {
        var start = DayBookings.DayStart(DayBookings.Today);
        var came = await _bookings.BookAsync(DayBookings.Palais, start, "Éloïse", "Marchand");
        var absent = await _bookings.BookAsync(DayBookings.Palais, start, "Gaston", "Ouellet");
        var (member, session) = await FrontDeskAsync(DayBookings.Palais);
        using var _ = session;
        await session.SubmitAsync($"clinic-day/{DayBookings.Palais}", "code", [new("code", came.ConfirmationCode)]);
        await session.SubmitAsync($"clinic-day/{DayBookings.Palais}?slot=00:00", $"no-show-{absent.Id}", []);

        var (status, html) = await session.PageAsync($"clinic-day/{DayBookings.Palais}?slot=00:00");

        Assert.Equal(HttpStatusCode.OK, status);
        var slot = Regex.Match(html, "<tr data-slot=\"00:00\" data-service=\"FLU\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("class=\"booked\">2<", slot);
        Assert.Contains("class=\"checked-in\">1<", slot);
        Assert.Contains("class=\"no-shows\">1<", slot);
        Assert.Contains("Éloïse Marchand", html);
        Assert.Contains($"data-booking=\"{came.ConfirmationCode}\" data-attendance=\"checked-in\"", html);
        Assert.Contains($"data-booking=\"{absent.ConfirmationCode}\" data-attendance=\"no-show\"", html);
        Assert.True(await LoggedAsync(came.Id, member.Id, "read") >= 1);
        Assert.Equal(1L, await LoggedAsync(absent.Id, member.Id, "update"));
    }

    [Fact]
    public async Task Search_finds_a_person_by_part_of_the_name_any_accent_by_code_and_by_health_card()
    {
        var start = DayBookings.DayStart(DayBookings.Today).AddMinutes(20);
        var booking = await _bookings.BookAsync(DayBookings.Palais, start, "Anaïs", "Lévesque-Hébert", healthCard: "LEVA 9012 3456");
        var (_, session) = await FrontDeskAsync(DayBookings.Palais);
        using var _ = session;

        foreach (var search in new[] { "levesque hebert", "ANAIS", booking.ConfirmationCode.Replace("-", "").ToLowerInvariant(), "leva 901234 56" })
        {
            var (status, html) = await session.PageAsync($"clinic-day/{DayBookings.Palais}?q={Uri.EscapeDataString(search)}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(html.Contains("Anaïs Lévesque-Hébert"), $"'{search}' did not find her");
        }
    }

    [Fact]
    public async Task A_scanned_pass_checks_in_once_and_a_second_scan_says_when()
    {
        var booking = await _bookings.BookAsync(DayBookings.Palais, DayBookings.DayStart(DayBookings.Today).AddMinutes(30), "Mireille", "Dufour");
        var (member, session) = await FrontDeskAsync(DayBookings.Palais);
        using var _ = session;
        var pass = _bookings.PassOf(booking);

        var first = await ScanAsync(session, DayBookings.Palais, pass);
        var second = await ScanAsync(session, DayBookings.Palais, pass);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("data-outcome=\"checked-in\"", first.Html);
        Assert.Contains("Mireille Dufour", first.Html);
        var checkedIn = await fixture.Database.ScalarAsync<DateTime>("select checked_in_at from bookings where id = @id", ("id", booking.Id));
        var time = TimeZoneInfo.ConvertTime(new DateTimeOffset(checkedIn, TimeSpan.Zero), QuebecDate.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains("data-outcome=\"already-checked-in\"", second.Html);
        Assert.Contains($"Mireille Dufour est déjà accueilli(e) depuis {time}.", second.Html);
        Assert.Equal(1L, await LoggedAsync(booking.Id, member.Id, "update"));
        Assert.Equal($"staff:{member.Id}", await fixture.Database.ScalarAsync<string>("select checked_in_by from bookings where id = @id", ("id", booking.Id)));
    }

    [Fact]
    public async Task A_pass_of_another_clinic_another_day_or_altered_is_told_apart_and_checks_nobody_in()
    {
        var today = DayBookings.DayStart(DayBookings.Today).AddMinutes(40);
        var elsewhere = await _bookings.BookAsync(DayBookings.ExpoCite, today, "Hugo", "Tremblay");
        var tomorrow = await _bookings.BookAsync(DayBookings.Palais, DayBookings.DayStart(DayBookings.Today.AddDays(1)).AddHours(9), "Inès", "Roy");
        var here = await _bookings.BookAsync(DayBookings.Palais, today, "Jade", "Caron");
        var (_, session) = await FrontDeskAsync(DayBookings.Palais);
        using var _ = session;
        var genuine = _bookings.PassOf(here);
        var altered = genuine[..^4] + (genuine[^4] == 'A' ? "B" : "A") + genuine[^3..];

        var otherClinic = await ScanAsync(session, DayBookings.Palais, _bookings.PassOf(elsewhere));
        var otherDay = await ScanAsync(session, DayBookings.Palais, _bookings.PassOf(tomorrow));
        var forged = await ScanAsync(session, DayBookings.Palais, altered);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherClinic.Status);
        Assert.Contains("data-outcome=\"other-clinic\"", otherClinic.Html);
        Assert.Contains("Cette preuve est pour une autre clinique : ExpoCité", otherClinic.Html);
        Assert.Contains("data-outcome=\"other-day\"", otherDay.Html);
        Assert.Contains($"Cette preuve est pour un autre jour : le {DayBookings.Today.AddDays(1):yyyy-MM-dd} à 09:00.", otherDay.Html);
        Assert.Contains("data-outcome=\"invalid-pass\"", forged.Html);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where id = any(@ids) and checked_in_at is not null",
            ("ids", new[] { elsewhere.Id, tomorrow.Id, here.Id })));
    }

    [Fact]
    public async Task Check_in_by_name_and_birth_date_finds_the_person_whatever_the_accents()
    {
        var booking = await _bookings.BookAsync(DayBookings.Palais, DayBookings.DayStart(DayBookings.Today).AddMinutes(50), "Zoé", "Bélanger",
            birthDate: new DateOnly(1988, 2, 29));
        var (_, session) = await FrontDeskAsync(DayBookings.Palais);
        using var _ = session;

        var wrongDate = await Read(await session.SubmitAsync($"clinic-day/{DayBookings.Palais}", "name",
            [new("firstName", "zoe"), new("lastName", "BELANGER"), new("birthDate", "1988-03-01")]));
        var right = await Read(await session.SubmitAsync($"clinic-day/{DayBookings.Palais}", "name",
            [new("firstName", "zoe"), new("lastName", "BELANGER"), new("birthDate", "1988-02-29")]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongDate.Status);
        Assert.Contains("data-outcome=\"not-found\"", wrongDate.Html);
        Assert.Contains("data-outcome=\"checked-in\"", right.Html);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where id = @id and checked_in_at is not null", ("id", booking.Id)));
    }

    [Fact]
    public async Task Another_tenants_front_desk_gets_404_for_the_day_and_its_forms_and_changes_nothing()
    {
        var booking = await _bookings.BookAsync(DayBookings.Palais, DayBookings.DayStart(DayBookings.Today).AddMinutes(60), "Karine", "Pelletier");
        var (_, quebec) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.QuebecRegion, DayBookings.ExpoCite));
        using var _ = quebec;

        var (status, html) = await quebec.PageAsync($"clinic-day/{DayBookings.Palais}?q=Pelletier");
        var scan = await quebec.PostFormAsync($"clinic-day/{DayBookings.Palais}", "scan", $"clinic-day/{DayBookings.ExpoCite}",
            [new("pass", _bookings.PassOf(booking))]);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Karine", html);
        Assert.Equal(HttpStatusCode.NotFound, scan.StatusCode);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where id = @id and checked_in_at is not null", ("id", booking.Id)));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from personal_data_access_log where record_id = @id and actor like 'staff:%'",
            ("id", booking.Id)));
    }
}
