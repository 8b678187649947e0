using System.Net;
using Booking.Data.Demo;
using Booking.Testing;
using Booking.Web.FunctionalTests;

namespace Booking.Admin.Tests.Offer;

/// <summary>Weekly templates: a new clinic's first one makes it bookable at once; concurrent edits; bad hours explained.</summary>
[Collection(OfferCollection.Name)]
public sealed class TemplateTests(OfferFixture fixture)
{
    private static Dictionary<string, string> NewClinic(string name) => new()
    {
        ["Input.TenantId"] = DemoSeed.MontrealRegion.ToString(), ["Input.Name"] = name, ["Input.Address"] = "5, rue de l'Essai",
        ["Input.City"] = "Montréal", ["Input.PostalCode"] = "H2X 1Y4", ["Input.Latitude"] = "", ["Input.Longitude"] = "",
        ["Input.TimeZone"] = "America/Montreal", ["Input.NotesFr"] = "", ["Input.NotesEn"] = "", ["Input.IsOpen"] = "true",
    };

    private static async Task<Guid> CreateClinicAsync(StaffSession manager, string name) =>
        Guid.Parse((await manager.SubmitAsync("offer/locations/new", "new-location", NewClinic(name))).Location().Split('/', '?')[3]);

    private static async Task<Guid> CreateTemplateAsync(StaffSession manager, Guid clinic, Dictionary<string, string> template)
    {
        var saved = await manager.SubmitAsync($"offer/locations/{clinic}/templates/new", "template", template);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var html = (await manager.PageAsync($"offer/locations/{clinic}")).Html;
        return Guid.Parse(System.Text.RegularExpressions.Regex.Match(html, "data-template=\"([0-9a-f-]+)\"").Groups[1].Value);
    }

    [Fact]
    public async Task A_new_clinics_first_weekly_template_makes_it_bookable_with_no_restart()
    {
        using var manager = await fixture.ManagerAsync();
        var clinic = await CreateClinicAsync(manager, "Clinique du Mile-Ex");
        var day = QuebecDate.NextWeekday(13);

        await CreateTemplateAsync(manager, clinic,
            ScheduleForms.Template("FLU", QuebecDate.Today, "09:00", "11:00", 15, 2, [ScheduleForms.WeekdayIndex(day)]));

        var citizens = new CitizenApi(fixture.Http);
        await Poll.UntilAsync(async () => await citizens.Remaining("H2X 1Y4", "FLU", clinic, QuebecDate.At(day, 9)) == 2, Poll.Propagation,
            "the new clinic's 09:00 to be searchable");
        Assert.Equal(2, await citizens.Remaining("H2X 1Y4", "FLU", clinic, QuebecDate.At(day, 10, 45)));
        Assert.Equal(0, await citizens.Remaining("H2X 1Y4", "FLU", clinic, QuebecDate.At(day, 11)));
        await citizens.Book(clinic, "FLU", QuebecDate.At(day, 9, 15));
    }

    [Fact]
    public async Task A_closed_clinic_leaves_the_search_and_takes_no_hold_and_comes_back_when_opened()
    {
        using var manager = await fixture.ManagerAsync();
        var clinic = await CreateClinicAsync(manager, "Clinique saisonnière");
        var day = QuebecDate.NextWeekday(17);
        var nine = QuebecDate.At(day, 9);
        await CreateTemplateAsync(manager, clinic, ScheduleForms.Template("FLU", QuebecDate.Today, "09:00", "10:00", 15, 2, [ScheduleForms.WeekdayIndex(day)]));
        var citizens = new CitizenApi(fixture.Http);
        await Poll.UntilAsync(async () => await citizens.Remaining("H2X 1Y4", "FLU", clinic, nine) == 2, Poll.Propagation, "the clinic to be searchable");

        var closed = NewClinic("Clinique saisonnière");
        closed["Input.IsOpen"] = "false";
        Assert.Equal(HttpStatusCode.Found, (await manager.SubmitAsync($"offer/locations/{clinic}", "location", closed)).StatusCode);

        await Poll.UntilAsync(async () => await citizens.Remaining("H2X 1Y4", "FLU", clinic, nine) == 0, Poll.Propagation, "the closed clinic to leave the search");
        Assert.Equal(HttpStatusCode.NotFound, (await citizens.Hold(clinic, "FLU", nine)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await manager.SubmitAsync($"offer/locations/{clinic}", "location", NewClinic("Clinique saisonnière"))).StatusCode);
        await Poll.UntilAsync(async () => await citizens.Remaining("H2X 1Y4", "FLU", clinic, nine) == 2, Poll.Propagation, "the reopened clinic to be searchable");
    }

    [Fact]
    public async Task Two_managers_saving_the_same_template_the_second_is_told_and_overwrites_nothing()
    {
        using var first = await fixture.ManagerAsync();
        using var second = await fixture.ManagerAsync();
        var clinic = await CreateClinicAsync(first, "Clinique disputée");
        var template = await CreateTemplateAsync(first, clinic, ScheduleForms.Template("BLOOD", QuebecDate.Today, "07:00", "09:00", 15, 1, [0, 1, 2]));
        var page = $"offer/locations/{clinic}/templates/{template}";
        var firstForm = await first.LoadFormAsync(page, "template");
        var secondForm = await second.LoadFormAsync(page, "template");

        var saved = await first.SubmitAsync(firstForm, ScheduleForms.Template("BLOOD", QuebecDate.Today, "07:00", "09:00", 15, 3, [0, 1, 2]));
        var refused = await second.SubmitAsync(secondForm, ScheduleForms.Template("BLOOD", QuebecDate.Today, "07:00", "09:00", 15, 5, [0, 1, 2]));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Contains("Quelqu'un d'autre a modifié cet élément depuis que vous l'avez ouvert", await refused.TextAsync());
        Assert.Equal(3, await fixture.Database.ScalarAsync<int>("select capacity from weekly_templates where id = @id", ("id", template)));
        Assert.Equal(2, await fixture.Database.ScalarAsync<int>("select version from weekly_templates where id = @id", ("id", template)));
    }

    [Fact]
    public async Task Hours_that_make_no_slot_or_overlap_another_template_are_explained_and_nothing_is_written()
    {
        using var manager = await fixture.ManagerAsync();
        var clinic = await CreateClinicAsync(manager, "Clinique aux heures floues");
        await CreateTemplateAsync(manager, clinic, ScheduleForms.Template("FLU", QuebecDate.Today, "08:00", "12:00", 10, 2, [0]));
        var bad = ScheduleForms.Template("FLU", QuebecDate.Today, "10:00", "10:05", 10, 2, [0, 1]);
        bad["Input.Days[2].Opens"] = "14:00";
        bad["Input.Days[2].Closes"] = "13:00";

        var html = await (await manager.SubmitAsync($"offer/locations/{clinic}/templates/new", "template", bad)).TextAsync();
        var overlapping = await (await manager.SubmitAsync($"offer/locations/{clinic}/templates/new", "template",
            ScheduleForms.Template("FLU", QuebecDate.Today, "11:00", "13:00", 10, 2, [0]))).TextAsync();

        Assert.Contains("Plus court qu'une plage de 10 minutes : aucune plage n'y tiendrait.", html);
        Assert.Contains("La fermeture doit suivre l'ouverture.", html);
        Assert.Contains("href=\"offer/locations/" + clinic + "/templates/new#field-days-2-closes\"", html);
        Assert.Contains("Chevauche un autre horaire de ce service", overlapping);
        Assert.Equal(1L, await fixture.Database.CountAsync("select count(*) from weekly_templates where location_id = @l", ("l", clinic)));
    }
}
