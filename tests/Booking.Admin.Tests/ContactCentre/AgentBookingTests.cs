using System.Net;
using System.Text.RegularExpressions;
using Booking.Admin.Tests.ClinicDay;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;

namespace Booking.Admin.Tests.ContactCentre;

/// <summary>A contact-centre agent booking a new appointment for a caller over real HTTP through the real clinic-day
/// grains: a free time held, then booked with the citizen site's checks; channel agent, the agent named in the audit, the
/// confirmation queued in the caller's language; a form sent twice books once; a time taken meanwhile, wrong details or an
/// ineligible caller are told and book nothing; an agent of another region or a front desk reaches nothing.</summary>
[Collection(AdminCollection.Name)]
public sealed partial class AgentBookingTests(AdminFixture fixture)
{
    private readonly ClinicBookingChanges _changes = new(fixture);

    private static string Page(Guid clinic, DateOnly day) => $"contact-centre/new?clinic={clinic}&service=FLU&date={day:yyyy-MM-dd}";

    private static List<KeyValuePair<string, string>> Slot(DateOnly day, int hour, int minute) =>
        [new("start", QuebecDate.At(day, hour).AddMinutes(minute).ToUniversalTime().ToString("o"))];

    /// <summary>A caller of their own (no earlier booking shares their name and birth date), answering "no" to every question.</summary>
    private static List<KeyValuePair<string, string>> Caller(string html, string lastName, string birthDate = "1971-03-14", string phone = "514 555-0199") =>
    [
        new("firstName", "Appelante"), new("lastName", lastName), new("birthDate", birthDate), new("healthCardNumber", ""), new("email", ""),
        new("phone", phone), new("language", "en"), new("consent", "true"),
        .. ScreeningFields().Matches(html).Select(m => m.Groups["name"].Value).Distinct().Select(name => new KeyValuePair<string, string>(name, "no")),
    ];

    private static string UniqueName() => "Nouvelle" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());

    private static async Task<(HttpResponseMessage Response, string Html)> HoldAsync(StaffSession session, Guid clinic, DateOnly day, int hour, int minute)
    {
        var response = await session.SubmitAsync(Page(clinic, day), "hold", Slot(day, hour, minute));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A clinic of its own (one seat a slot, or <c>seats</c>), offered as a staff save offers it (the catalogue's revision bumped, its day woken to
    /// publish its free times): the staff site's cached catalogue and the published availability list it within a second
    /// or so, awaited through <paramref name="agent"/>'s page.</summary>
    private async Task<(Guid Clinic, DateOnly Day)> OfferedClinicAsync(StaffSession agent, int weekday, int seats = 1)
    {
        var (clinic, day) = await _changes.ClinicAsync(weekday, seats);
        await fixture.Database.ScalarAsync<int>("update catalogue_revision set revision = revision + 1 returning 1");
        await _changes.PublishAsync(clinic, day);
        await Poll.UntilAsync(async () => (await agent.PageAsync(Page(clinic, day))) is (HttpStatusCode.OK, var html) && html.Contains("id=\"slot-0900\""),
            Poll.Propagation, "the new clinic's free times on the agent's page");
        return (clinic, day);
    }

    private Task<long> BookingsAtAsync(Guid clinic) =>
        fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic", ("clinic", clinic));

    [Fact]
    public async Task An_agent_books_for_a_caller_once_with_channel_agent_audited_and_the_confirmation_queued_in_the_callers_language()
    {
        var (agent, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var _ = session;
        var (clinic, day) = await OfferedClinicAsync(session, 17);
        Assert.Contains("href=\"contact-centre/new\"", (await session.PageAsync("contact-centre")).Html);

        var (held, heldHtml) = await HoldAsync(session, clinic, day, 9, 0);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Contains("data-outcome=\"held\"", heldHtml);
        var form = StaffSession.FormIn(heldHtml, Page(clinic, day), "caller");
        var lastName = UniqueName();
        var booked = await session.SubmitAsync(form, Caller(heldHtml, lastName));
        var again = await session.SubmitAsync(form, Caller(heldHtml, lastName));

        var html = WebUtility.HtmlDecode(await booked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.Contains("data-outcome=\"booked\"", html);
        Assert.Contains("data-outcome=\"booked\"", await again.Content.ReadAsStringAsync());
        Assert.Equal("agent|en|1|1", await fixture.Database.ScalarAsync<string>("""
            select concat_ws('|', b.channel, b.language,
                (select count(*) from personal_data_access_log a where a.record_id = b.id and a.access = 'create' and a.table_name = 'bookings' and a.actor = @actor),
                (select count(*) from notifications n where n.booking_id = b.id and n.kind = 'BookingConfirmed'))
            from bookings b where b.location_id = @clinic and to_char(b.slot_start at time zone 'America/Montreal', 'HH24:MI') = '09:00'
            """, ("clinic", clinic), ("actor", $"staff:{agent.Id}")));
        Assert.Equal(1L, await BookingsAtAsync(clinic));
        var code = await fixture.Database.ScalarAsync<string>("select confirmation_code from bookings where location_id = @clinic", ("clinic", clinic));
        Assert.Contains(code, html);
    }

    [Fact]
    public async Task A_time_taken_meanwhile_is_told_clearly_and_the_agent_chooses_another()
    {
        var (_, first) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        var (_, second) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var a = first;
        using var b = second;
        var (clinic, day) = await OfferedClinicAsync(first, 18);
        var secondsForm = await second.LoadFormAsync(Page(clinic, day), "hold");

        var (held, _) = await HoldAsync(first, clinic, day, 9, 0);
        var taken = await second.SubmitAsync(secondsForm, Slot(day, 9, 0));

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        var html = await taken.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\" id=\"outcome\" data-outcome=\"slot-taken\"", html);
        // The times left are offered again, the one taken no longer among them.
        Assert.Contains("name=\"_handler\" value=\"hold\"", html);
        Assert.DoesNotContain("id=\"slot-0900\"", html);
        Assert.Equal(0L, await BookingsAtAsync(clinic));
    }

    [Fact]
    public async Task A_hold_form_sent_again_for_another_clinic_holds_nothing_there()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        var (_, other) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var a = session;
        using var b = other;
        var (first, day) = await OfferedClinicAsync(session, 21);
        var (second, _) = await OfferedClinicAsync(session, 21);
        var form = await session.LoadFormAsync(Page(first, day), "hold");

        var held = await session.SubmitAsync(form, Slot(day, 9, 0));
        // The same form (its key) sent to the other clinic's page, as a browser's back button and a second choice would.
        var resent = await session.SubmitAsync(form with { Action = Page(second, day) }, Slot(day, 9, 0));

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resent.StatusCode);
        Assert.Contains("data-outcome=\"already-sent\"", await resent.Content.ReadAsStringAsync());
        // The other clinic's one seat at 09:00 is still there for another agent.
        var (_, otherHtml) = await HoldAsync(other, second, day, 9, 0);
        Assert.Contains("data-outcome=\"held\"", otherHtml);
    }

    [Fact]
    public async Task Wrong_details_or_an_ineligible_caller_are_told_in_the_page_and_nothing_is_booked()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var _ = session;
        var (clinic, day) = await OfferedClinicAsync(session, 19);
        // Booked earlier for the same service on the same day: the service's interval refuses a second one.
        var earlier = await _changes.BookAsync(clinic, day, 9, 30, "Appelante", "Deuxfois");
        var (_, heldHtml) = await HoldAsync(session, clinic, day, 9, 0);
        var form = StaffSession.FormIn(heldHtml, Page(clinic, day), "caller");

        var invalid = await session.SubmitAsync(form,
            [.. Caller(heldHtml, "Dupont", birthDate: "2999-01-01", phone: "12").Where(f => f.Key != "firstName"), new("firstName", "")]);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("role=\"alert\" id=\"form-errors\"", invalidHtml);
        foreach (var field in new[] { "citizen.firstName", "citizen.birthDate", "citizen.phone" })
            Assert.Contains($"data-field=\"{field}\"", invalidHtml);

        var ineligible = await session.SubmitAsync(form, Caller(heldHtml, "Deuxfois", birthDate: "1968-02-09", phone: "+15145550143"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ineligible.StatusCode);
        Assert.Contains("data-outcome=\"not-eligible\"", await ineligible.Content.ReadAsStringAsync());

        Assert.Equal(1L, await BookingsAtAsync(clinic));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where actor like 'staff:%' and record_id = @id", ("id", earlier.Id)));
    }

    [Fact]
    public async Task An_agent_of_another_region_and_a_front_desk_can_neither_open_the_page_nor_hold_nor_book_at_the_clinic()
    {
        var (_, montrealAgent) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var a = montrealAgent;
        var (clinic, day) = await OfferedClinicAsync(montrealAgent, 20);
        var (_, quebecAgent) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.QuebecRegion));
        var (_, desk) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));
        using var b = quebecAgent;
        using var c = desk;
        // A hold of the clinic's, taken by an agent who may: its id is what another would replay.
        var (_, heldHtml) = await HoldAsync(montrealAgent, clinic, day, 9, 0);
        var holdId = StaffSession.FormIn(heldHtml, Page(clinic, day), "caller").HiddenFields["holdId"];
        List<KeyValuePair<string, string>> details = [new("holdId", holdId), new("formKey", Guid.NewGuid().ToString()), .. Caller(heldHtml, UniqueName())];

        Assert.DoesNotContain(clinic.ToString(), (await quebecAgent.PageAsync("contact-centre/new")).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await quebecAgent.PageAsync(Page(clinic, day))).Status);
        Assert.Equal(HttpStatusCode.NotFound,
            (await quebecAgent.PostFormAsync(Page(clinic, day), "hold", tokenPage: "contact-centre/new", [new("formKey", Guid.NewGuid().ToString()), .. Slot(day, 9, 10)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await quebecAgent.PostFormAsync("contact-centre/new", "caller", tokenPage: "contact-centre/new", details)).StatusCode);
        // A front desk runs the clinic's day but does not act for callers.
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PageAsync(Page(clinic, day))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostFormAsync("contact-centre/new", "caller", tokenPage: "", details)).StatusCode);

        Assert.Equal(0L, await BookingsAtAsync(clinic));
        // The 09:10 seat was never held: another agent who may book there still finds it.
        Assert.Contains("id=\"slot-0910\"", (await montrealAgent.PageAsync(Page(clinic, day))).Html);
    }

    [GeneratedRegex("name=\"(?<name>screening\\.[^\"]+)\"")]
    private static partial Regex ScreeningFields();
}
