using System.Net;
using Booking.Data.Demo;
using Booking.Testing;

namespace Booking.Admin.Tests.Offer;

/// <summary>A manager of another tenant reaches nothing of a clinic's offer: every page answers 404 without a word about
/// it, every action (posted with a valid form and token of their own) changes nothing.</summary>
[Collection(OfferCollection.Name)]
public sealed class OtherTenantTests(OfferFixture fixture)
{

    private async Task<(Guid Template, Guid Exception)> StadeScheduleAsync()
    {
        using var owner = await fixture.ManagerAsync(DemoSeed.MontrealRegion);
        var day = QuebecDate.NextWeekday(30);
        await owner.SubmitAsync($"offer/locations/{DemoClinics.StadeOlympique}/exceptions/new", "exception", ScheduleForms.Exception("capacity", day, "FLU", capacity: "5"));
        var exception = await fixture.Database.ScalarAsync<Guid>(
            "select id from schedule_exceptions where location_id = @l and on_date = @d", ("l", DemoClinics.StadeOlympique), ("d", day));
        var template = await fixture.Database.ScalarAsync<Guid>(
            "select id from weekly_templates where location_id = @l order by id limit 1", ("l", DemoClinics.StadeOlympique));
        return (template, exception);
    }

    private Task<string> StadeStateAsync() => fixture.Database.ScalarAsync<string>("""
        select concat_ws('|', l.name, l.version,
            (select string_agg(w.id || ':' || w.version || ':' || w.capacity, ',' order by w.id) from weekly_templates w where w.location_id = l.id),
            (select string_agg(e.id || ':' || e.version, ',' order by e.id) from schedule_exceptions e where e.location_id = l.id),
            (select count(*) from offer_audit a where a.location_id = l.id))
        from locations l where l.id = @l
        """, ("l", DemoClinics.StadeOlympique));

    [Fact]
    public async Task Every_page_of_another_tenants_clinic_answers_not_found_and_shows_nothing_of_it()
    {
        var (template, exception) = await StadeScheduleAsync();
        using var quebec = await fixture.ManagerAsync(DemoSeed.QuebecRegion);
        string[] pages =
        [
            $"offer/locations/{DemoClinics.StadeOlympique}", $"offer/locations/{DemoClinics.StadeOlympique}/templates/new", $"offer/locations/{DemoClinics.StadeOlympique}/templates/{template}",
            $"offer/locations/{DemoClinics.StadeOlympique}/exceptions/new", $"offer/locations/{DemoClinics.StadeOlympique}/exceptions/{exception}",
        ];

        foreach (var page in pages)
        {
            var (status, html) = await quebec.PageAsync(page);
            Assert.True(status == HttpStatusCode.NotFound, $"{page} answered {status}");
            Assert.DoesNotContain("Stade olympique", html);
            Assert.DoesNotContain("4545", html);
            Assert.Contains("Cette page n'existe pas, ou elle n'est pas dans votre champ d'action.", html);
        }
        Assert.DoesNotContain("Stade olympique", (await quebec.PageAsync("offer/locations")).Html);
    }

    [Fact]
    public async Task Every_action_on_another_tenants_clinic_changes_nothing()
    {
        var (template, exception) = await StadeScheduleAsync();
        var before = await StadeStateAsync();
        using var quebec = await fixture.ManagerAsync(DemoSeed.QuebecRegion);
        var ownTemplate = await fixture.Database.ScalarAsync<Guid>("select id from weekly_templates where location_id = @l order by id limit 1", ("l", DemoClinics.ExpoCite));
        var day = QuebecDate.NextWeekday(31);
        // Forms of the manager's own clinic (valid antiforgery tokens), posted at the other tenant's addresses.
        var attempts = new (string OwnPage, string Form, string Target, Dictionary<string, string> Fields)[]
        {
            ($"offer/locations/{DemoClinics.ExpoCite}", "location", $"offer/locations/{DemoClinics.StadeOlympique}", new() { ["Input.Name"] = "Pris", ["Input.Address"] = "x",
                ["Input.City"] = "x", ["Input.PostalCode"] = "G1L 5A7", ["Input.TimeZone"] = "America/Montreal", ["Input.IsOpen"] = "false", ["Input.Version"] = "1" }),
            ($"offer/locations/{DemoClinics.ExpoCite}/exceptions/new", "exception", $"offer/locations/{DemoClinics.StadeOlympique}/exceptions/new",
                ScheduleForms.Exception("closed", day)),
            ($"offer/locations/{DemoClinics.ExpoCite}/templates/new", "template", $"offer/locations/{DemoClinics.StadeOlympique}/templates/new",
                ScheduleForms.Template("BLOOD", QuebecDate.Today, "07:00", "08:00", 15, 1, [5])),
            ($"offer/locations/{DemoClinics.ExpoCite}/templates/{ownTemplate}", "template", $"offer/locations/{DemoClinics.StadeOlympique}/templates/{template}",
                ScheduleForms.Template("FLU", QuebecDate.Today, "08:00", "20:00", 10, 1, [0, 1, 2, 3, 4])),
            ($"offer/locations/{DemoClinics.ExpoCite}/templates/{ownTemplate}", "delete-template", $"offer/locations/{DemoClinics.StadeOlympique}/templates/{template}",
                new() { ["DeleteVersion"] = "1" }),
        };

        foreach (var (ownPage, form, target, fields) in attempts)
        {
            var own = await quebec.LoadFormAsync(ownPage, form);
            var response = await quebec.SubmitAsync(own with { Action = "/" + target }, fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{form} at {target} answered {response.StatusCode}");
            Assert.DoesNotContain("Stade olympique", await response.TextAsync());
        }
        var delete = await quebec.SubmitAsync(new StaffForm("/" + $"offer/locations/{DemoClinics.StadeOlympique}/exceptions/{exception}",
            (await quebec.LoadFormAsync($"offer/locations/{DemoClinics.ExpoCite}", "location")).HiddenFields.Where(f => f.Key != "_handler")
                .Append(new("_handler", "delete-exception")).ToDictionary()), new Dictionary<string, string> { ["Version"] = "1", ["Action"] = "save" });
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var created = await quebec.SubmitAsync("offer/locations/new", "new-location", new Dictionary<string, string>
        {
            ["Input.TenantId"] = DemoSeed.MontrealRegion.ToString(), ["Input.Name"] = "Clinique infiltrée", ["Input.Address"] = "x", ["Input.City"] = "x",
            ["Input.PostalCode"] = "H2X 1Y4", ["Input.TimeZone"] = "America/Montreal", ["Input.IsOpen"] = "true",
        });
        Assert.Contains("Choisissez une organisation que vous gérez.", await created.TextAsync());

        Assert.Equal(before, await StadeStateAsync());
        Assert.Equal(0L, await fixture.Database.CountAsync("select count(*) from locations where name = 'Clinique infiltrée'"));
    }
}
