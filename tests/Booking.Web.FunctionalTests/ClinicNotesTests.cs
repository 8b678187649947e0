using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Booking.Testing;
using Booking.Web.Site;

namespace Booking.Web.FunctionalTests;

/// <summary>A clinic's public notes (access, parking), as staff typed them, reach citizens where they choose a time,
/// confirm it, and later manage the booking: as text, in their language, never as markup; and the public API's
/// clients with the clinic's times and with the booking, in both languages.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class ClinicNotesTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string NotesFr = "Entrée par la porte 3 <script>alert(1)</script>\nStationnement P2 & P3 gratuit";
    private const string NotesEn = "Enter through door 3 <b>east</b>\nFree parking in P2";
    private readonly CitizenApi _api = new(platform.Http);

    public Task InitializeAsync() => SetNotesAsync(NotesFr, NotesEn);

    // The platform's database is shared by the collection: the clinic gets its (empty) notes back.
    public Task DisposeAsync() => SetNotesAsync("", "");

    [Fact]
    public async Task The_notes_are_shown_escaped_where_a_time_is_chosen_and_confirmed_and_on_the_booking_pages()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(9), 19, 50);
        var search = $"/search?service=COVID19&postalCode=H1V3N7&location={CitizenApi.Stade}";
        await Poll.UntilAsync(async () => ShownNotes(await PageAsync(search)) is not null,
            Poll.Propagation, "the web host's catalogue to show the new notes");
        var hold = await CitizenApi.Json(await _api.Hold(CitizenApi.Stade, "COVID19", start));
        var held = HeldSlot.QueryOf(hold["holdId"]!.GetValue<string>(), start, hold["expiresAt"]!.GetValue<DateTimeOffset>());
        var booked = await CitizenApi.Json(await _api.Confirm(hold["holdId"]!.GetValue<string>()));
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>());

        // In French by choice: the suite's client keeps the language another test chose.
        foreach (var path in new[] { search, $"/screening?{held}", $"/confirmation/{code}?token={token}", $"/manage/{code}?token={token}" })
        {
            var page = await PageAsync(path + "&lang=fr");
            Assert.Equal(("Accès et stationnement", NotesFr), ShownNotes(page));
            Assert.DoesNotContain("<script>alert", page);
        }
        Assert.Equal(("Access and parking", NotesEn), ShownNotes(await PageAsync($"/manage/{code}?token={token}&lang=en")));
    }

    [Fact]
    public async Task The_public_api_gives_the_notes_as_written_with_the_clinic_s_times_and_with_the_booking()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(9), 19, 40);
        var availability = $"/api/v1/availability?service=COVID19&postalCode=H1V3N7&from={DateOnly.FromDateTime(start.Date):yyyy-MM-dd}&days=1&limit=50";
        await Poll.UntilAsync(async () => NotesOf(await ClinicIn(availability)) is not null, Poll.Propagation,
            "the web host's catalogue to give the new notes");
        var booked = await _api.Book(CitizenApi.Stade, "COVID19", start);

        Assert.Equal((NotesFr, NotesEn), NotesOf(await ClinicIn(availability)));
        var booking = await CitizenApi.Json(await _api.Get(booked["confirmationCode"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>()));
        Assert.Equal((NotesFr, NotesEn), NotesOf(booking["locationNotes"]));
    }

    private async Task<JsonNode?> ClinicIn(string availability) =>
        (await CitizenApi.Json(await platform.Http.GetAsync(availability)))["locations"]!.AsArray()
        .First(l => l!["locationId"]!.GetValue<Guid>() == CitizenApi.Stade)!["notes"];

    private static (string? Fr, string? En)? NotesOf(JsonNode? notes) =>
        notes is null ? null : (notes["fr"]?.GetValue<string>(), notes["en"]?.GetValue<string>());

    [Fact]
    public async Task A_clinic_without_notes_shows_no_notes_and_an_english_reader_gets_the_french_ones_when_only_those_exist()
    {
        await SetNotesAsync("Porte 3", "");
        var search = $"/search?service=COVID19&postalCode=H1V3N7&location={CitizenApi.Stade}&lang=en";
        await Poll.UntilAsync(async () => ShownNotes(await PageAsync(search)) == ("Access and parking", "Porte 3"),
            Poll.Propagation, "the French notes to stand in for the missing English ones");

        await SetNotesAsync("", "");
        await Poll.UntilAsync(async () => ShownNotes(await PageAsync(search)) is null,
            Poll.Propagation, "the notes to go once removed");
    }

    /// <summary>The notes' term and text as a reader sees them: the markup the page carries there must be none but
    /// the list's own (escaped text only), decoded as the browser would.</summary>
    private static (string Term, string Text)? ShownNotes(string page)
    {
        var match = NotesPattern().Match(page);
        if (!match.Success)
            return null;
        Assert.DoesNotContain('<', match.Groups["text"].Value);
        return (WebUtility.HtmlDecode(match.Groups["term"].Value), WebUtility.HtmlDecode(match.Groups["text"].Value));
    }

    [GeneratedRegex("""<dt>(?<term>[^<]*)</dt><dd class="clinic-notes">(?<text>.*?)</dd>""", RegexOptions.Singleline)]
    private static partial Regex NotesPattern();

    private async Task<string> PageAsync(string path)
    {
        var response = await platform.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    // As the staff site saves a clinic: the catalogue's revision moves with it, which is what web hosts watch.
    private Task SetNotesAsync(string fr, string en) => platform.Database.ScalarAsync<object?>("""
        update locations set notes_fr = @fr, notes_en = @en where id = @id;
        update catalogue_revision set revision = revision + 1;
        """, ("fr", fr), ("en", en), ("id", CitizenApi.Stade));
}
