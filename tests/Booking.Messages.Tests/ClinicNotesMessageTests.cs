namespace Booking.Messages.Tests;

/// <summary>A clinic's public notes (access, parking) in the e-mails of a live appointment: under the address, in the
/// citizen's language, as text (escaped in the HTML part); left out, line and all, when the clinic wrote none.</summary>
public sealed class ClinicNotesMessageTests(MessagesFixture fixture) : IClassFixture<MessagesFixture>
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 24, 14, 30, 0, TimeSpan.Zero);
    private const string Address = "CLSC du Plateau-Mont-Royal, 4625, avenue De Lorimier, Montréal H2H 2B4";

    [Theory]
    [InlineData(MessageKind.BookingConfirmed)]
    [InlineData(MessageKind.BookingRescheduled)]
    [InlineData(MessageKind.BookingMovedByClinic)]
    [InlineData(MessageKind.Reminder)]
    public async Task The_notes_follow_the_address_as_text_never_as_markup(MessageKind kind)
    {
        await SetNotesAsync("Porte 3 <img src=x onerror=alert(1)>\nStationnement P2 & P3", "Door 3\nParking P2");

        var french = await fixture.Composer.ComposeEmailAsync(kind, Facts("fr"), default);
        var english = await fixture.Composer.ComposeEmailAsync(kind, Facts("en"), default);
        var sms = await fixture.Composer.ComposeSmsAsync(kind, Facts("fr"), default);

        Assert.Contains($"Lieu : {Address}\nPorte 3 <img src=x onerror=alert(1)>\nStationnement P2 & P3\n", french.TextBody);
        Assert.Contains("Porte 3 &lt;img src=x onerror=alert(1)&gt;<br>Stationnement P2 &amp; P3<br>", french.HtmlBody);
        Assert.DoesNotContain("<img src=x", french.HtmlBody);
        Assert.Contains($"Where: {Address}\nDoor 3\nParking P2\n", english.TextBody);
        Assert.DoesNotContain("Porte 3", sms.Body);
    }

    [Fact]
    public async Task Without_notes_the_line_is_left_out_and_an_english_reader_gets_the_french_ones_when_only_those_exist()
    {
        await SetNotesAsync("", "");
        var none = await fixture.Composer.ComposeEmailAsync(MessageKind.BookingConfirmed, Facts("fr"), default);
        await SetNotesAsync("Porte 3", " ");
        var fallback = await fixture.Composer.ComposeEmailAsync(MessageKind.BookingConfirmed, Facts("en"), default);

        Assert.Contains($"Lieu : {Address}\nNuméro de confirmation : K7QF3M9T", none.TextBody);
        Assert.Contains("H2H 2B4<br>Num", none.HtmlBody);
        Assert.Contains($"Where: {Address}\nPorte 3\nConfirmation number", fallback.TextBody);
    }

    private static AppointmentFacts Facts(string language) =>
        MessagesFixture.Facts(language, Slot, previousStart: Slot.AddDays(-2), previousLocation: MessagesFixture.Stade);

    private Task SetNotesAsync(string fr, string en) => fixture.Database.ScalarAsync<object?>(
        "update locations set notes_fr = @fr, notes_en = @en where id = @id", ("fr", fr), ("en", en), ("id", MessagesFixture.Plateau));
}
