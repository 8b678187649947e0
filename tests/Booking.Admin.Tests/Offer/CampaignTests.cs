using System.Globalization;
using System.Net;
using Booking.Data.Demo;
using Booking.Testing;
using Booking.Web.FunctionalTests;

namespace Booking.Admin.Tests.Offer;

/// <summary>Campaigns edited on the staff site: groups opening in turn at the clinics of the campaign's tenant, a waiting
/// room turned on and off as data, audited, and out of reach of other tenants.</summary>
[Collection(OfferCollection.Name)]
public sealed class CampaignTests(OfferFixture fixture)
{
    private static readonly Guid CovidCampaign = new("30000000-0000-4000-8000-000000000001");

    private CitizenApi Citizens => new(fixture.Http);

    private static string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, QuebecDate.Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Campaign(Guid tenant, string service, DateTimeOffset opensAt, bool waitingRoom = false, string admissions = "600",
        params (string Code, DateTimeOffset? OpensAt)[] groups)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.TenantId"] = tenant.ToString(), ["Input.ServiceCode"] = service, ["Input.NameFr"] = "Campagne d'essai",
            ["Input.NameEn"] = "Trial campaign", ["Input.OpensAt"] = Local(opensAt), ["Input.ClosesAt"] = "",
            ["Input.WaitingRoom"] = waitingRoom ? "true" : "false", ["Input.AdmissionsPerMinute"] = admissions,
        };
        for (var i = 0; i < groups.Length; i++)
        {
            fields[$"Input.Groups[{i}].Code"] = groups[i].Code;
            fields[$"Input.Groups[{i}].OpensAt"] = groups[i].OpensAt is { } at ? Local(at) : "";
        }
        return fields;
    }

    [Fact]
    public async Task Groups_opening_in_turn_are_what_citizens_meet_at_the_clinics_of_the_campaigns_tenant_only()
    {
        using var quebec = await fixture.ManagerAsync(DemoSeed.QuebecRegion);
        var day = QuebecDate.NextWeekday(19);

        var saved = await quebec.SubmitAsync("offer/campaigns/new", "campaign", Campaign(DemoSeed.QuebecRegion, "FLU", TestClock.Now.AddHours(-1),
            groups: [("health-worker", null), ("general", TestClock.Now.AddDays(1))]));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var holdId = await Citizens.HoldId(DemoClinics.ExpoCite, "FLU", QuebecDate.At(day, 9));
        HttpResponseMessage? refused = null;
        // A refused confirmation leaves the hold held: the same one is tried until the campaign reaches the web host.
        await Poll.UntilAsync(async () => (refused = await Citizens.Confirm(holdId, priorityGroups: [])).StatusCode == HttpStatusCode.UnprocessableEntity,
            Poll.Propagation, "the campaign to apply at ExpoCité");
        Assert.Contains("priority_group_not_open", await refused!.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await Citizens.Confirm(await Citizens.HoldId(DemoClinics.ExpoCite, "FLU", QuebecDate.At(day, 9, 10)))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Citizens.Confirm(await Citizens.HoldId(DemoSeed.StadeOlympique, "FLU", QuebecDate.At(day, 9)),
            priorityGroups: [])).StatusCode);
        Assert.Equal(1L, await fixture.Database.CountAsync("""
            select count(*) from offer_audit where entity = 'campaign' and action = 'create' and tenant_id = @t and after ->> 'serviceCode' = 'FLU'
            """, ("t", DemoSeed.QuebecRegion)));
    }

    [Fact]
    public async Task A_campaigns_waiting_room_turned_on_gates_its_service_and_turned_off_lets_everyone_through()
    {
        using var ministry = await fixture.ManagerAsync(DemoSeed.Ministry);
        var page = $"offer/campaigns/{CovidCampaign}";
        var start = QuebecDate.At(QuebecDate.NextWeekday(19), 11);
        var groups = new (string, DateTimeOffset?)[] { ("age-60-plus", null), ("health-worker", null), ("chronic-condition", null) };

        Assert.Equal(HttpStatusCode.Found, (await ministry.SubmitAsync(page, "campaign",
            Campaign(DemoSeed.Ministry, "COVID19", TestClock.Now.AddDays(-1), waitingRoom: true, admissions: "1", groups))).StatusCode);
        HttpResponseMessage? gated = null;
        await Poll.UntilAsync(async () => (gated = await Citizens.Hold(DemoSeed.StadeOlympique, "COVID19", start)).StatusCode == HttpStatusCode.Forbidden,
            Poll.Propagation, "the waiting room to gate COVID-19 holds");
        var room = $"campaign-{CovidCampaign:N}"[..30];
        Assert.Contains(room, await gated!.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync($"/api/v1/waiting-rooms/{room}/status")).StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await ministry.SubmitAsync(page, "campaign",
            Campaign(DemoSeed.Ministry, "COVID19", TestClock.Now.AddDays(-1), waitingRoom: false, groups: groups))).StatusCode);
        await Poll.UntilAsync(async () => (await Citizens.Hold(DemoSeed.StadeOlympique, "COVID19", start)).StatusCode == HttpStatusCode.Created,
            Poll.Propagation, "COVID-19 holds to go through again");
    }

    [Fact]
    public async Task Bad_campaign_input_is_explained_and_another_tenants_campaign_is_out_of_reach()
    {
        using var quebec = await fixture.ManagerAsync(DemoSeed.QuebecRegion);
        var before = await fixture.Database.CountAsync("select count(*) from campaigns");

        var html = await (await quebec.SubmitAsync("offer/campaigns/new", "campaign", Campaign(DemoSeed.QuebecRegion, "FLU", TestClock.Now,
            waitingRoom: true, admissions: "0", groups: [("astronauts", null)]))).TextAsync();
        var (status, page) = await quebec.PageAsync($"offer/campaigns/{CovidCampaign}");
        var own = await quebec.LoadFormAsync("offer/campaigns/new", "campaign");
        var posted = await quebec.SubmitAsync(own with { Action = $"/offer/campaigns/{CovidCampaign}" },
            Campaign(DemoSeed.QuebecRegion, "COVID19", TestClock.Now, groups: [("general", null)]));

        Assert.Contains("Groupe inconnu", html);
        Assert.Contains("Un nombre entier de 1 à 1000000.", html);
        Assert.Equal(before, await fixture.Database.CountAsync("select count(*) from campaigns"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Campagne COVID-19", page);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.DoesNotContain("Campagne COVID-19", (await quebec.PageAsync("offer/campaigns")).Html);
        Assert.Equal(0L, await fixture.Database.CountAsync("select count(*) from campaign_groups where campaign_id = @c and group_code = 'general'",
            ("c", CovidCampaign)));
    }
}
