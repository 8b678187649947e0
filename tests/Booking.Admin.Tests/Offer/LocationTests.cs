using System.Net;
using Booking.Data.Demo;
using Booking.Testing;

namespace Booking.Admin.Tests.Offer;

/// <summary>Clinics created and edited on the staff site, over real HTTP: their position, their validation in both
/// languages, concurrent edits, and the audit entry each change leaves.</summary>
[Collection(OfferCollection.Name)]
public sealed class LocationTests(OfferFixture fixture)
{
    private static Dictionary<string, string> Clinic(string name, string postalCode = "H2X 1Y4", string latitude = "", string longitude = "",
        string? tenant = null) => new()
        {
            ["Input.TenantId"] = (tenant ?? DemoSeed.MontrealRegion.ToString()),
            ["Input.Name"] = name, ["Input.Address"] = "1, rue de l'Essai", ["Input.City"] = "Montréal", ["Input.PostalCode"] = postalCode,
            ["Input.Latitude"] = latitude, ["Input.Longitude"] = longitude, ["Input.TimeZone"] = "America/Montreal",
            ["Input.NotesFr"] = "Entrée par la porte 3.", ["Input.NotesEn"] = "Enter through door 3.", ["Input.IsOpen"] = "true",
        };

    private static string UniqueName(string what) => $"{what} {Guid.NewGuid():N}"[..24];

    private static async Task<Guid> CreateAsync(StaffSession manager, Dictionary<string, string> clinic)
    {
        var response = await manager.SubmitAsync("offer/locations/new", "new-location", clinic);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return Guid.Parse(response.Location().Split('/', '?')[3]);
    }

    [Fact]
    public async Task A_manager_creates_a_clinic_placed_at_its_postal_codes_area_and_the_creation_is_audited()
    {
        using var manager = await fixture.ManagerAsync();
        var name = UniqueName("Clinique du Mile-End");

        var id = await CreateAsync(manager, Clinic(name));

        var (status, html) = await manager.PageAsync($"offer/locations/{id}?saved=created");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(name, html);
        Assert.Contains("Clinique créée.", html);
        Assert.Equal(1L, await fixture.Database.CountAsync("""
            select count(*) from locations l join postal_codes p on p.code = 'H2X'
            where l.id = @id and l.postal_code = 'H2X1Y4' and l.latitude = p.latitude and l.longitude = p.longitude
              and l.notes_en = 'Enter through door 3.' and l.is_open and l.tenant_id = @tenant
            """, ("id", id), ("tenant", DemoSeed.MontrealRegion)));
        Assert.Equal(1L, await fixture.Database.CountAsync("""
            select count(*) from offer_audit
            where location_id = @id and entity = 'location' and action = 'create' and actor like 'staff:%' and before is null
              and after ->> 'name' = @name and source_ip = @ip
            """, ("id", id), ("name", name), ("ip", manager.SourceAddress)));
    }

    [Fact]
    public async Task Typed_coordinates_win_over_the_postal_code_and_a_comma_is_a_decimal_point()
    {
        using var manager = await fixture.ManagerAsync();

        var id = await CreateAsync(manager, Clinic(UniqueName("Clinique flottante"), latitude: "45,5017", longitude: "-73.5673"));

        Assert.Equal(1L, await fixture.Database.CountAsync(
            "select count(*) from locations where id = @id and latitude = 45.5017 and longitude = -73.5673", ("id", id)));
    }

    [Fact]
    public async Task Bad_input_is_explained_field_by_field_in_french_then_english_and_nothing_is_written()
    {
        using var manager = await fixture.ManagerAsync();
        var before = await fixture.Database.CountAsync("select count(*) from locations");
        var bad = Clinic("", postalCode: "ZZZ 999", latitude: "45.5");

        var french = await (await manager.SubmitAsync("offer/locations/new", "new-location", bad)).TextAsync();
        await manager.GetAsync("language/en?back=/offer/locations/new");
        var english = await (await manager.SubmitAsync("offer/locations/new", "new-location", bad)).TextAsync();

        Assert.Contains("Corrigez ce qui suit", french);
        Assert.Contains("Ce champ est obligatoire.", french);
        Assert.Contains("Écrivez un code postal canadien complet", french);
        Assert.Contains("Un nombre de -142 à -52", french);
        Assert.Matches("id=\"field-name\"[^>]*aria-invalid=\"true\" aria-describedby=\"field-name-error\"", french);
        Assert.Contains("Please correct the following", english);
        Assert.Contains("This field is required.", english);
        Assert.Contains("Enter a full Canadian postal code", english);
        Assert.Equal(before, await fixture.Database.CountAsync("select count(*) from locations"));
    }

    [Fact]
    public async Task A_postal_code_nobody_knows_asks_for_the_position_instead()
    {
        using var manager = await fixture.ManagerAsync();

        var html = await (await manager.SubmitAsync("offer/locations/new", "new-location", Clinic(UniqueName("Loin"), postalCode: "X0A 0H0"))).TextAsync();

        Assert.Contains("Ce code postal n'est pas connu : donnez la latitude et la longitude de la clinique.", html);
    }

    [Fact]
    public async Task Two_managers_editing_the_same_clinic_the_second_is_told_and_overwrites_nothing()
    {
        using var first = await fixture.ManagerAsync();
        using var second = await fixture.ManagerAsync();
        var id = await CreateAsync(first, Clinic(UniqueName("Clinique partagée")));
        var firstForm = await first.LoadFormAsync($"offer/locations/{id}", "location");
        var secondForm = await second.LoadFormAsync($"offer/locations/{id}", "location");

        var saved = await first.SubmitAsync(firstForm, Clinic("Nom du premier"));
        var refused = await second.SubmitAsync(secondForm, Clinic("Nom du second"));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Quelqu'un d'autre a modifié cet élément depuis que vous l'avez ouvert : rien n'a été enregistré.", await refused.TextAsync());
        Assert.Equal("Nom du premier", await fixture.Database.ScalarAsync<string>("select name from locations where id = @id", ("id", id)));
        Assert.Equal(1L, await fixture.Database.CountAsync("select count(*) from offer_audit where location_id = @id and action = 'update'", ("id", id)));
    }

    [Fact]
    public async Task An_edit_is_audited_with_what_the_clinic_was_before_and_after()
    {
        using var manager = await fixture.ManagerAsync();
        var id = await CreateAsync(manager, Clinic("Avant le changement"));

        await manager.SubmitAsync($"offer/locations/{id}", "location", Clinic("Après le changement"));

        Assert.Equal(1L, await fixture.Database.CountAsync("""
            select count(*) from offer_audit where location_id = @id and action = 'update'
              and before ->> 'name' = 'Avant le changement' and after ->> 'name' = 'Après le changement'
            """, ("id", id)));
        Assert.Contains("Après le changement", (await manager.PageAsync($"offer/locations/{id}")).Html);
    }

    [Fact]
    public async Task A_clinic_with_a_schedule_keeps_its_time_zone()
    {
        using var manager = await fixture.ManagerAsync();
        var moved = Clinic("Stade olympique");
        moved["Input.TimeZone"] = "America/Halifax";

        var html = await (await manager.SubmitAsync($"offer/locations/{DemoSeed.StadeOlympique}", "location", moved)).TextAsync();

        Assert.Contains("Le fuseau horaire ne peut plus changer", html);
        Assert.Equal("America/Montreal", await fixture.Database.ScalarAsync<string>("select time_zone from locations where id = @id", ("id", DemoSeed.StadeOlympique)));
    }

    [Fact]
    public async Task The_list_shows_the_clinics_of_the_managers_tenant_and_those_under_it_only()
    {
        using var montreal = await fixture.ManagerAsync();
        using var ministry = await fixture.ManagerAsync(DemoSeed.Ministry);

        var montrealList = (await montreal.PageAsync("offer/locations")).Html;
        var ministryList = (await ministry.PageAsync("offer/locations")).Html;

        Assert.Contains("Stade olympique", montrealList);
        Assert.DoesNotContain("ExpoCité", montrealList);
        Assert.Contains("Stade olympique", ministryList);
        Assert.Contains("ExpoCité", ministryList);
    }
}
