using System.Net;
using Booking.Data.Demo;
using Booking.Testing;
using Booking.Web.FunctionalTests;

namespace Booking.Admin.Tests.Offer;

/// <summary>What each tenant offers of the catalogue, in its words and under its rules, inherited down the tenant tree,
/// as the staff site shows it and as citizens meet it.</summary>
[Collection(OfferCollection.Name)]
public sealed class ServiceOfferTests(OfferFixture fixture)
{

    private static Dictionary<string, string> Setting(string offered = "", string nameFr = "", string nameEn = "", string minAge = "", string maxAge = "",
        string screening = "", params (string Id, string Blocking)[] questions)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Offered"] = offered, ["Input.NameFr"] = nameFr, ["Input.NameEn"] = nameEn, ["Input.PreparationFr"] = "", ["Input.PreparationEn"] = "",
            ["Input.MinAgeYears"] = minAge, ["Input.MaxAgeYears"] = maxAge, ["Input.Screening"] = screening,
        };
        for (var i = 0; i < questions.Length; i++)
        {
            fields[$"Input.Questions[{i}].Id"] = questions[i].Id;
            fields[$"Input.Questions[{i}].TextFr"] = $"Question {questions[i].Id} ?";
            fields[$"Input.Questions[{i}].TextEn"] = $"Question {questions[i].Id}?";
            fields[$"Input.Questions[{i}].Blocking"] = questions[i].Blocking;
            fields[$"Input.Questions[{i}].ExplanationFr"] = questions[i].Blocking == "" ? "" : "Revenez plus tard.";
            fields[$"Input.Questions[{i}].ExplanationEn"] = questions[i].Blocking == "" ? "" : "Come back later.";
        }
        return fields;
    }

    private static async Task SaveAsync(StaffSession manager, Guid tenant, string service, Dictionary<string, string> setting)
    {
        var saved = await manager.SubmitAsync($"offer/tenants/{tenant}/services/{service}", "service", setting);
        Assert.True(saved.StatusCode == HttpStatusCode.Found, await saved.TextAsync());
    }

    [Fact]
    public async Task The_services_page_says_what_is_set_here_inherited_from_above_or_the_catalogues()
    {
        using var ministry = await fixture.ManagerAsync(DemoSeed.Ministry);
        using var montreal = await fixture.ManagerAsync(DemoSeed.MontrealRegion);

        await SaveAsync(ministry, DemoSeed.Ministry, "FLU", Setting(nameFr: "Grippe saisonnière", nameEn: "Seasonal flu"));
        await SaveAsync(montreal, DemoSeed.MontrealRegion, "FLU", Setting(minAge: "1"));

        var html = (await montreal.PageAsync($"offer/tenants/{DemoSeed.MontrealRegion}/services")).Html;
        var flu = html[html.IndexOf("data-service=\"FLU\"", StringComparison.Ordinal)..];
        flu = flu[..flu.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("Grippe saisonnière / Seasonal flu", flu);
        Assert.Contains("hérité de Ministère de la Santé (démo)", flu);
        Assert.Contains("1 ans et plus", flu);
        Assert.Contains("défini ici", flu);
        Assert.Contains("du catalogue provincial", flu);
        Assert.DoesNotContain("1 ans et plus", (await ministry.PageAsync($"offer/tenants/{DemoSeed.Ministry}/services")).Html);
        Assert.Equal(1L, await fixture.Database.CountAsync(
            "select count(*) from offer_audit where entity = 'tenant_service' and entity_id = @id and after ->> 'minAgeYears' = '1'",
            ("id", $"{DemoSeed.MontrealRegion}/FLU")));
    }

    [Fact]
    public async Task A_tenants_own_screening_and_age_rule_are_what_citizens_meet_at_its_clinics()
    {
        using var quebec = await fixture.ManagerAsync(DemoSeed.QuebecRegion);
        var citizens = new CitizenApi(fixture.Http);

        await SaveAsync(quebec, DemoSeed.QuebecRegion, "BLOOD", Setting(screening: "own", questions: [("fasting", "no"), ("allergies", "")]));
        await SaveAsync(quebec, DemoSeed.QuebecRegion, "COVID19", Setting(maxAge: "30"));

        await Poll.UntilAsync(async () => (await fixture.Http.GetStringAsync($"/api/v1/services/BLOOD/screening?locationId={DemoClinics.HauteVille}")).Contains("fasting"),
            Poll.Propagation, "the clinic's own questions to be served");
        Assert.Contains("requisition", await fixture.Http.GetStringAsync("/api/v1/services/BLOOD/screening"));
        var day = QuebecDate.NextWeekday(18);
        var blocked = await citizens.Confirm(await citizens.HoldId(DemoClinics.HauteVille, "BLOOD", QuebecDate.At(day, 8)),
            screening: new Dictionary<string, bool> { ["fasting"] = false, ["allergies"] = false });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Contains("screening-blocked", await blocked.Content.ReadAsStringAsync());
        var tooOld = await citizens.Confirm(await citizens.HoldId(DemoClinics.ExpoCite, "COVID19", QuebecDate.At(day, 10)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooOld.StatusCode);
        Assert.Contains("too_old", await tooOld.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_service_its_clinics_offer_cannot_be_withdrawn_and_a_clinic_keeps_a_service_it_has_a_schedule_for()
    {
        using var montreal = await fixture.ManagerAsync(DemoSeed.MontrealRegion);

        var withdrawn = await (await montreal.SubmitAsync($"offer/tenants/{DemoSeed.MontrealRegion}/services/BLOOD", "service", Setting(offered: "no"))).TextAsync();
        var dropped = await (await montreal.SubmitAsync($"offer/locations/{DemoSeed.StadeOlympique}", "location-services",
            new Dictionary<string, string> { ["Services"] = "COVID19" })).TextAsync();

        Assert.Matches("Des cliniques l'offrent encore : [^<]*CLSC du Plateau-Mont-Royal", withdrawn);
        Assert.Contains("La clinique a encore un horaire ou des heures ajoutées pour : FLU.", dropped);
        Assert.Equal(2L, await fixture.Database.CountAsync("select count(*) from location_services where location_id = @l", ("l", DemoSeed.StadeOlympique)));
        Assert.Equal(0L, await fixture.Database.CountAsync("select count(*) from tenant_services where tenant_id = @t and offered = false", ("t", DemoSeed.MontrealRegion)));
    }
}
