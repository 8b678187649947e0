using System.Net;
using Booking.Admin.Tests.ClinicDay;
using Booking.Data.Demo;
using Booking.Staff.Access;

namespace Booking.Admin.Tests.ContactCentre;

/// <summary>A contact-centre agent acting for a caller over real HTTP through the real clinic-day grains: found by
/// confirmation code, health card or phone (by fingerprint), each person shown logged as read; a move or cancellation on
/// the caller's behalf told to the citizen as their own change, audited with the agent; a form sent twice acts once; an
/// agent of another region finds and changes nothing.</summary>
[Collection(AdminCollection.Name)]
public sealed class ContactCentreTests(AdminFixture fixture)
{
    private readonly ClinicBookingChanges _changes = new(fixture);

    private static string UniquePhone() => $"+1514{Random.Shared.Next(2_000_000, 9_999_999)}";

    private static List<KeyValuePair<string, string>> Search(string q) => [new("q", q)];

    [Fact]
    public async Task An_agent_finds_a_caller_by_code_health_card_or_phone_and_each_person_shown_is_logged()
    {
        var (clinic, day) = await _changes.OneSeatClinicAsync(14);
        var phone = UniquePhone();
        var card = $"TREM{Random.Shared.Next(10_000_000, 99_999_999)}";
        var booking = await _changes.BookAsync(clinic, day, 9, 0, "Appelante", "Téléphone", healthCard: card, phone: phone);
        var (agent, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var _ = session;

        // As a caller says them: the code in lower case, the card with spaces, the phone without its country code.
        var spacedCard = $"{card[..4].ToLowerInvariant()} {card[4..8]} {card[8..]}";
        var localPhone = $"({phone[2..5]}) {phone[5..8]}-{phone[8..]}";
        foreach (var typed in new[] { booking.ConfirmationCode.ToLowerInvariant(), spacedCard, localPhone })
        {
            var response = await session.SubmitAsync("contact-centre", "search", Search(typed));
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{typed}: {response.StatusCode}");
            Assert.Contains("Appelante Téléphone", html);
            Assert.Contains($"data-booking=\"{booking.ConfirmationCode}\"", html);
        }
        var unknown = await session.SubmitAsync("contact-centre", "search", Search("+15149990000"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>("""
            select count(*) from personal_data_access_log
            where record_id = @id and actor = @actor and access = 'read' and program = 'Booking.Admin/contact-centre'
            """, ("id", booking.Id), ("actor", $"staff:{agent.Id}")));
    }

    [Fact]
    public async Task An_agent_moves_then_cancels_for_a_caller_once_each_and_the_citizen_is_told_as_for_their_own_change()
    {
        var (clinic, day) = await _changes.OneSeatClinicAsync(15);
        var booking = await _changes.BookAsync(clinic, day, 9, 0, "Rappel", phone: UniquePhone());
        var (agent, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var _ = session;
        var page = $"contact-centre/bookings/{booking.Id}";

        var form = await session.LoadFormAsync(page, "move");
        var key = Guid.NewGuid().ToString();
        var moved = await session.SubmitAsync(form, ClinicBookingChanges.MoveTo(day, "09:40", "citizen-request", formKey: key));
        var again = await session.SubmitAsync(form, ClinicBookingChanges.MoveTo(day, "09:50", "citizen-request", formKey: key));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("data-outcome=\"moved\"", await moved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("confirmed|09:40|2|1|1", await _changes.StateAsync(booking.Id));

        var cancelled = await session.SubmitAsync(page, "cancel", ClinicBookingChanges.Reason("citizen-request"));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled|09:40|3|2|2", await _changes.StateAsync(booking.Id));
        Assert.Equal("BookingCancelledByCitizen,BookingRescheduled", await fixture.Database.ScalarAsync<string>(
            "select string_agg(kind, ',' order by kind) from notifications where booking_id = @id and kind <> 'BookingConfirmed'", ("id", booking.Id)));
        Assert.Equal($"cancelled:false:staff:{agent.Id},moved:false:staff:{agent.Id}", await fixture.Database.ScalarAsync<string>(
            "select string_agg(action || ':' || by_clinic || ':' || actor, ',' order by action) from booking_change_audit where booking_id = @id",
            ("id", booking.Id)));
    }

    [Fact]
    public async Task An_agent_of_another_region_and_a_front_desk_find_nothing_and_change_nothing()
    {
        var (clinic, day) = await _changes.OneSeatClinicAsync(16);
        var phone = UniquePhone();
        var booking = await _changes.BookAsync(clinic, day, 9, 0, "Protégée", phone: phone);
        var (_, quebecAgent) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.QuebecRegion));
        var (_, desk) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));
        using var a = quebecAgent;
        using var b = desk;
        var page = $"contact-centre/bookings/{booking.Id}";

        foreach (var typed in new[] { booking.ConfirmationCode, phone })
        {
            var search = await quebecAgent.SubmitAsync("contact-centre", "search", Search(typed));
            Assert.Equal(HttpStatusCode.NotFound, search.StatusCode);
            Assert.DoesNotContain("Protégée", WebUtility.HtmlDecode(await search.Content.ReadAsStringAsync()));
        }
        var (status, html) = await quebecAgent.PageAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Protégée", html);
        Assert.Equal(HttpStatusCode.NotFound, (await quebecAgent.PostFormAsync(page, "cancel", tokenPage: "", ClinicBookingChanges.Reason())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await quebecAgent.PostFormAsync(page, "move", tokenPage: "", ClinicBookingChanges.MoveTo(day, "09:30"))).StatusCode);
        // A front desk runs the clinic's day but does not act for callers.
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PageAsync(page)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostFormAsync(page, "cancel", tokenPage: "", ClinicBookingChanges.Reason())).StatusCode);

        Assert.Equal("confirmed|09:00|1|0|0", await _changes.StateAsync(booking.Id));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id = @id and actor like 'staff:%'", ("id", booking.Id)));
    }
}
