using System.Net;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Grains.Inventory;
using Booking.Staff.Access;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests.ContactCentre;

/// <summary>A contact-centre agent booking a caller's group over real HTTP through the real clinic-day grains: one
/// person wrong refuses the whole group, as it was typed, with nothing written; a seat lost between the hold and the
/// booking books nobody and gives every seat back; an agent of another region or a front desk can neither hold nor book
/// a group at the clinic. (The group booked end to end, in Chromium: <see cref="AgentBookingJourneyTests"/>.)</summary>
public sealed partial class AgentBookingTests
{
    private static string GroupPage(Guid clinic, DateOnly day, int people = 3) => $"{Page(clinic, day)}&people={people}";

    /// <summary>Holds seats for a group of <paramref name="people"/> at 09:00; the page's answer and the group form's fields
    /// as the page rendered them (its key and seats).</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> HoldGroupAsync(StaffSession session, Guid clinic, DateOnly day, int people = 3)
    {
        var response = await session.SubmitAsync(GroupPage(clinic, day, people), "hold", Slot(day, 9, 0));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The group form as the agent sends it: its key and seats from <paramref name="html"/>, each person's details
    /// (the birth dates given, in order), "no" to every question, one phone for every confirmation.</summary>
    private static List<KeyValuePair<string, string>> GroupDetails(string html, string lastName, params string[] birthDates) =>
    [
        new("formKey", FormKey().Match(html).Groups["key"].Value),
        .. Seats().Matches(html).Select(m => new KeyValuePair<string, string>(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value))),
        .. birthDates.SelectMany((birthDate, i) => new KeyValuePair<string, string>[]
        {
            new($"people[{i}].firstName", $"Membre{(char)('a' + i)}"), new($"people[{i}].lastName", lastName), new($"people[{i}].birthDate", birthDate),
            new($"people[{i}].healthCardNumber", ""),
        }),
        .. GroupScreeningFields().Matches(html).Select(m => m.Groups["name"].Value).Distinct().Select(name => new KeyValuePair<string, string>(name, "no")),
        new("email", ""), new("phone", "514 555-0188"), new("language", "fr"), new("consent", "true"),
    ];

    private Task<long> LiveBookingsAtAsync(Guid clinic) =>
        fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic and status = 'confirmed'", ("clinic", clinic));

    private async Task<int> SeatsLeftAtNineAsync(Guid clinic, DateOnly day)
    {
        var clinicDay = fixture.Services.GetRequiredService<IClusterClient>().GetGrain<ILocationDayGrain>(new LocationDayKey(clinic, day).ToString());
        return (await clinicDay.Availability("FLU")).Slots.Where(s => s.Start == QuebecDate.At(day, 9)).Select(s => s.Remaining).SingleOrDefault();
    }

    [Fact]
    public async Task One_invalid_person_refuses_the_whole_group_as_it_was_typed_and_nothing_is_written()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var _ = session;
        var (clinic, day) = await OfferedClinicAsync(session, 14, seats: 3);
        var (held, heldHtml) = await HoldGroupAsync(session, clinic, day);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(3, Seats().Matches(heldHtml).Count(m => m.Groups["name"].Value == "holdId"));

        var lastName = UniqueName();
        var refused = await session.PostFormAsync(GroupPage(clinic, day), "group", tokenPage: GroupPage(clinic, day),
            GroupDetails(heldHtml, lastName, "1979-05-02", "2999-01-01", "1948-11-11"));

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-field=\"people[1].birthDate\"", html);
        var birthDate = Regex.Match(html, "<input id=\"person-2-birthDate\"[^>]*>").Value;
        Assert.Contains("value=\"2999-01-01\"", birthDate);
        Assert.Contains("aria-invalid=\"true\"", birthDate);
        Assert.Contains("aria-describedby=\"person-2-birthDate-error\"", birthDate);
        Assert.DoesNotContain("aria-invalid", Regex.Match(html, "<input id=\"person-1-birthDate\"[^>]*>").Value);
        Assert.Contains("id=\"person-2-birthDate-error\"", html);
        Assert.Contains($"value=\"{lastName}\"", html);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic", ("clinic", clinic)));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log a join bookings b on b.id = a.record_id where b.location_id = @clinic", ("clinic", clinic)));
    }

    [Fact]
    public async Task A_seat_lost_between_hold_and_booking_books_nobody_of_the_group_and_every_seat_comes_back()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var _ = session;
        var (clinic, day) = await OfferedClinicAsync(session, 18, seats: 3);
        var (_, heldHtml) = await HoldGroupAsync(session, clinic, day);
        var details = GroupDetails(heldHtml, UniqueName(), "1979-05-02", "2012-09-30", "1948-11-11");
        // The third person's seat is gone before the agent sends the details (a hold given back, as one run out is).
        var third = details.Where(f => f.Key == "holdId").Select(f => f.Value).Last();
        await fixture.Services.GetRequiredService<IClusterClient>().GetGrain<ILocationDayGrain>(new LocationDayKey(clinic, day).ToString()).ReleaseHold(third);

        var refused = await session.PostFormAsync(GroupPage(clinic, day), "group", tokenPage: GroupPage(clinic, day), details);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("data-outcome=\"hold-expired\"", html);
        // The agent chooses the group's time again.
        Assert.Contains("name=\"_handler\" value=\"hold\"", html);
        Assert.Equal(0L, await LiveBookingsAtAsync(clinic));
        Assert.Equal(3, await SeatsLeftAtNineAsync(clinic, day));
    }

    [Fact]
    public async Task An_agent_of_another_region_and_a_front_desk_can_neither_hold_nor_book_a_group_at_the_clinic()
    {
        var (_, montrealAgent) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var a = montrealAgent;
        var (clinic, day) = await OfferedClinicAsync(montrealAgent, 19, seats: 3);
        var (_, quebecAgent) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.QuebecRegion));
        var (_, desk) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));
        using var b = quebecAgent;
        using var c = desk;
        // Seats of the clinic's, held by an agent who may: the form another would replay.
        var (_, heldHtml) = await HoldGroupAsync(montrealAgent, clinic, day, people: 2);
        var details = GroupDetails(heldHtml, UniqueName(), "1979-05-02", "2012-09-30");
        List<KeyValuePair<string, string>> hold = [new("formKey", Guid.NewGuid().ToString()), .. Slot(day, 9, 10)];

        Assert.Equal(HttpStatusCode.NotFound, (await quebecAgent.PageAsync(GroupPage(clinic, day))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await quebecAgent.PostFormAsync(GroupPage(clinic, day), "hold", tokenPage: "contact-centre/new", hold)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await quebecAgent.PostFormAsync("contact-centre/new", "group", tokenPage: "contact-centre/new", details)).StatusCode);
        // A front desk runs the clinic's day but does not act for callers.
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PageAsync(GroupPage(clinic, day))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostFormAsync(GroupPage(clinic, day), "hold", tokenPage: "", hold)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostFormAsync("contact-centre/new", "group", tokenPage: "", details)).StatusCode);

        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic", ("clinic", clinic)));
        // Nothing more was held at 09:10: its three seats are still there for an agent who may book.
        Assert.Contains("id=\"slot-0910\"", (await montrealAgent.PageAsync(GroupPage(clinic, day))).Html);
        // The group's own agent books it.
        var booked = await montrealAgent.PostFormAsync(GroupPage(clinic, day), "group", tokenPage: GroupPage(clinic, day), details);
        Assert.Contains("data-outcome=\"booked\"", await booked.Content.ReadAsStringAsync());
        Assert.Equal(2L, await LiveBookingsAtAsync(clinic));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"formKey\" value=\"(?<key>[^\"]+)\"")]
    private static partial Regex FormKey();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>holdId|seatTime)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Seats();

    [GeneratedRegex("name=\"(?<name>people\\[\\d+\\]\\.screening\\.[^\"]+)\"")]
    private static partial Regex GroupScreeningFields();
}
