using Booking.Messages.Formatting;

namespace Booking.Messages.Tests;

public sealed class MessageCompositionTests(MessagesFixture fixture) : IClassFixture<MessagesFixture>
{
    // Tuesday 24 November 2026, 09:30 in Montréal (UTC-5).
    private static readonly DateTimeOffset Slot = new(2026, 11, 24, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_french_confirmation_says_where_when_what_to_bring_and_how_to_manage()
    {
        var email = await fixture.Composer.ComposeEmailAsync(MessageKind.BookingConfirmed, MessagesFixture.Facts("fr", Slot), default);

        Assert.Equal("Rendez-vous confirmé : Vaccin contre l'influenza (grippe), mardi 24 novembre 2026", email.Subject);
        Assert.StartsWith("Bonjour Marie,", email.TextBody);
        Assert.Contains("Date : mardi 24 novembre 2026 à 9 h 30", email.TextBody);
        Assert.Contains("Lieu : CLSC du Plateau-Mont-Royal, 4625, avenue De Lorimier, Montréal H2H 2B4", email.TextBody);
        Assert.Contains("À apporter : votre carte d'assurance maladie; portez un vêtement à manches courtes.", email.TextBody);
        Assert.Contains(ManageLink("fr"), email.TextBody);
        Assert.Contains($"<a href=\"{ManageLink("fr").Replace("&", "&amp;")}\">", email.HtmlBody);
        Assert.Contains("<html lang=\"fr\">", email.HtmlBody);
    }

    [Fact]
    public async Task An_english_confirmation_uses_english_words_and_a_twelve_hour_clock()
    {
        var email = await fixture.Composer.ComposeEmailAsync(MessageKind.BookingConfirmed, MessagesFixture.Facts("en", Slot), default);
        var sms = await fixture.Composer.ComposeSmsAsync(MessageKind.BookingConfirmed, MessagesFixture.Facts("en", Slot), default);

        Assert.Equal("Appointment confirmed: Influenza (flu) vaccine, Tuesday, November 24, 2026", email.Subject);
        Assert.Contains("When: Tuesday, November 24, 2026 at 9:30 AM", email.TextBody);
        Assert.Contains("What to bring: your health insurance card; wear a short-sleeved top.", email.TextBody);
        Assert.Contains(ManageLink("en"), email.TextBody);
        Assert.Equal($"Appointment confirmed: Influenza (flu) vaccine, Tuesday, November 24, 2026 at 9:30 AM, CLSC du Plateau-Mont-Royal. Code K7QF3M9T. Manage: {ManageLink("en")}", sms.Body);
    }

    public static TheoryData<MessageKind, string> EveryKindAndLanguage()
    {
        var data = new TheoryData<MessageKind, string>();
        foreach (var kind in Enum.GetValues<MessageKind>())
            foreach (var language in new[] { "fr", "en" })
                data.Add(kind, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindAndLanguage))]
    public async Task Every_kind_reads_in_the_citizens_language_with_the_local_time(MessageKind kind, string language)
    {
        var facts = MessagesFixture.Facts(language, Slot, previousStart: Slot.AddDays(-2), previousLocation: MessagesFixture.Stade) with
        {
            Offer = kind == MessageKind.BulkOffer ? Offer : null,
        };

        var email = await fixture.Composer.ComposeEmailAsync(kind, facts, default);
        var sms = await fixture.Composer.ComposeSmsAsync(kind, facts, default);

        Assert.StartsWith(language == "en" ? "Hello Marie," : "Bonjour Marie,", email.TextBody);
        var local = language == "en" ? "9:30 AM" : "9 h 30";
        Assert.Contains(local, email.TextBody);
        Assert.Contains(local, sms.Body);
        Assert.DoesNotContain("{{", email.TextBody + email.HtmlBody + email.Subject + sms.Body);
        Assert.InRange(SmsSegments.Count(sms.Body), 1, 2);
        if (kind != MessageKind.BookingCancelledByCitizen)
        {
            Assert.Contains(ManageLink(language), email.TextBody);
            // An offer's SMS carries the link that takes the earlier seat; every other one the manage link.
            Assert.Contains(kind == MessageKind.BulkOffer ? OfferLink(language) : ManageLink(language), sms.Body);
        }
    }

    [Theory]
    [InlineData("fr", "Une place vous est réservée le mardi 24 novembre 2026 à 9 h 30 à Stade olympique")]
    [InlineData("en", "A place is held for you on Tuesday, November 24, 2026 at 9:30 AM at Stade olympique")]
    public async Task An_offer_says_which_seat_is_held_where_and_how_to_take_it(string language, string held)
    {
        var facts = MessagesFixture.Facts(language, Slot.AddDays(7)) with { Offer = Offer };

        var email = await fixture.Composer.ComposeEmailAsync(MessageKind.BulkOffer, facts, default);
        var sms = await fixture.Composer.ComposeSmsAsync(MessageKind.BulkOffer, facts, default);

        Assert.Contains(held, email.TextBody);
        Assert.Contains(OfferLink(language), email.TextBody);
        Assert.Contains(ManageLink(language), email.TextBody);
        Assert.Contains(OfferLink(language), sms.Body);
        Assert.InRange(SmsSegments.Count(sms.Body), 1, 2);
    }

    private static readonly Guid OfferId = Guid.Parse("0199a3c4-7e21-7b40-9c2d-5f1e8a7b6c5d");

    private static OfferFacts Offer => new(OfferId, MessagesFixture.Stade, Slot, Slot.AddHours(-24));

    private string OfferLink(string language) =>
        $"{MessagesFixture.BaseUrl}/offers/{OfferId}?token={((Booking.Data.Protection.OfferTokens)fixture.Services.GetService(typeof(Booking.Data.Protection.OfferTokens))!).For(OfferId)}&lang={language}";

    [Theory]
    [InlineData("fr", "Nouveau rendez-vous : lundi 15 mars 2027 à 9 h 30", "Ancien rendez-vous : vendredi 12 mars 2027 à 9 h 30, Stade olympique")]
    [InlineData("en", "New appointment: Monday, March 15, 2027 at 9:30 AM", "Previous appointment: Friday, March 12, 2027 at 9:30 AM, Stade olympique")]
    public async Task A_move_across_the_spring_time_change_shows_both_times_as_the_clinic_sees_them(string language, string now, string before)
    {
        // Clocks go forward on 14 March 2027 in Montréal: 09:30 is 14:30 UTC before, 13:30 UTC after.
        var facts = MessagesFixture.Facts(language, new DateTimeOffset(2027, 3, 15, 13, 30, 0, TimeSpan.Zero),
            previousStart: new DateTimeOffset(2027, 3, 12, 14, 30, 0, TimeSpan.Zero), previousLocation: MessagesFixture.Stade);

        var email = await fixture.Composer.ComposeEmailAsync(MessageKind.BookingMovedByClinic, facts, default);

        Assert.Contains(now, email.TextBody);
        Assert.Contains(before, email.TextBody);
    }

    [Theory]
    [InlineData("fr", 18, "Rappel : rendez-vous demain à 9 h 30")]
    [InlineData("en", 18, "Reminder: appointment tomorrow at 9:30 AM")]
    [InlineData("fr", 2, "Rappel : rendez-vous dans 2 heures, à 9 h 30")]
    [InlineData("en", 2, "Reminder: appointment in 2 hours, at 9:30 AM")]
    [InlineData("en", 72, "Reminder: appointment on Tuesday, November 24, 2026 at 9:30 AM")]
    public async Task A_reminder_says_how_soon(string language, int hoursBefore, string subject)
    {
        var clock = new Booking.Testing.ManualClock(Slot.AddHours(-hoursBefore));
        var composer = Composer(clock);

        var email = await composer.ComposeEmailAsync(MessageKind.Reminder, MessagesFixture.Facts(language, Slot), default);

        Assert.Equal(subject, email.Subject);
    }

    [Fact]
    public async Task Values_are_html_encoded_in_the_html_body_and_plain_in_the_text()
    {
        var facts = MessagesFixture.Facts("en", Slot) with { CitizenFirstName = "<b>Zoé</b> & co" };

        var email = await fixture.Composer.ComposeEmailAsync(MessageKind.BookingConfirmed, facts, default);

        Assert.StartsWith("Hello <b>Zoé</b> & co,", email.TextBody);
        Assert.Contains("Hello &lt;b&gt;Zo&#233;&lt;/b&gt; &amp; co,", email.HtmlBody);
        Assert.DoesNotContain("<b>", email.HtmlBody);
    }

    [Fact]
    public async Task A_language_other_than_french_or_english_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Composer.ComposeSmsAsync(MessageKind.Reminder, MessagesFixture.Facts("es", Slot), default));

    private string ManageLink(string language) =>
        $"{MessagesFixture.BaseUrl}/manage/K7QF3M9T?token={fixture.ManageTokens.For("K7QF3M9T")}&lang={language}";

    private MessageComposer Composer(TimeProvider clock)
    {
        var services = fixture.Services;
        T Get<T>() where T : notnull => (T)services.GetService(typeof(T))!;
        return new MessageComposer(Get<Reference.MessageReferenceCache>(), fixture.ManageTokens, Get<Booking.Data.Protection.OfferTokens>(),
            Get<Booking.Passes.AppointmentPassIssuer>(),
            Get<AppointmentCalendar>(), Get<Microsoft.Extensions.Options.IOptions<MessagesOptions>>(), clock);
    }
}
