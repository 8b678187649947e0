using System.Net;
using System.Net.Http.Json;
using Booking.Data.Notifications;
using Booking.DevInbox;
using Booking.Notifications.Webhooks;
using Booking.Testing;
using Booking.Web.FunctionalTests;

namespace Booking.Notifications.Tests;

/// <summary>Two-way reminders, through the whole platform: a reminder SMS invites ANNULER / CANCEL, one confirming
/// exchange follows, and the cancellation goes through the citizens' API like a manage link. Replies come from the
/// dev inbox, signed as Twilio signs them.</summary>
public sealed class TwoWayReminderTests(ApiDeliveryFixture fixture) : IClassFixture<ApiDeliveryFixture>, IDisposable
{
    private static int _nextPhone;
    private readonly HttpClient _inbox = new() { BaseAddress = new Uri(fixture.InboxUrl) };

    public void Dispose() => _inbox.Dispose();

    private static string NewPhone() => $"+1 438 555 {Interlocked.Increment(ref _nextPhone) + 1000:0000}";

    private static object Citizen(string phone, string language = "fr", string lastName = "Gagnon") => new
    {
        firstName = "Louise", lastName = $"{lastName}-{new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + c % 26)).ToArray())}", birthDate = "1979-04-03", phone, language,
        email = (string?)null, emailConsent = false,
    };

    private sealed record Booked(Guid Id, string Code, string Token, DateTimeOffset Start);

    private async Task<Booked> Book(DateTimeOffset start, object citizen)
    {
        var booked = await fixture.Citizen.Book(CitizenApi.Plateau, "FLU", start, citizen);
        var code = booked["confirmationCode"]!.GetValue<string>();
        var id = await fixture.Database.ScalarAsync<Guid>("select id from bookings where confirmation_code = @code", ("code", code));
        return new Booked(id, code, booked["manageToken"]!.GetValue<string>(), start);
    }

    /// <summary>Moves the worker's clock to 3 hours before <paramref name="start"/>, so the 24-hour reminders of the
    /// bookings are sent, then back.</summary>
    private async Task Remind(DateTimeOffset start, params Booked[] bookings)
    {
        fixture.Clock.Shift = start - TimeSpan.FromHours(3) - TestClock.Now;
        try
        {
            foreach (var booking in bookings)
                await fixture.WaitFor(booking.Id, m => m.Any(x => x.Kind == "Reminder" && x.Status == NotificationStatus.Delivered), "the reminder");
        }
        finally
        {
            fixture.Clock.Shift = TimeSpan.Zero;
        }
    }

    private async Task<InboundSmsApi.InboundResult> Reply(string phone, string body, string? messageSid = null)
    {
        var response = await _inbox.PostAsJsonAsync("/dev/sms/inbound", new InboundSmsApi.InboundSms(phone, body, messageSid));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InboundSmsApi.InboundResult>())!;
    }

    private Task<string> Status(Booked booking) =>
        fixture.Database.ScalarAsync<string>("select status from bookings where id = @id", ("id", booking.Id));

    [Fact]
    public async Task Annuler_then_oui_cancels_through_the_manage_path_and_frees_the_seat()
    {
        var phone = NewPhone();
        var start = QuebecDate.At(QuebecDate.NextWeekday(3), 9, 30);
        var booking = await Book(start, Citizen(phone));
        await Remind(start, booking);
        var reminder = Assert.Single(fixture.StubMessagesOf(booking.Id), m => m.TextBody!.StartsWith("Rappel", StringComparison.Ordinal));
        Assert.EndsWith("Repondez ANNULER pour liberer votre place.", reminder.TextBody);
        var remaining = await fixture.Citizen.Remaining("H2X1Y4", "FLU", CitizenApi.Plateau, start);

        var question = await Reply(phone, " Annuler ");
        Assert.Equal(200, question.Status);
        Assert.StartsWith("Annuler votre RDV du ", question.Reply);
        Assert.Contains("Repondez OUI pour confirmer", question.Reply);
        Assert.Equal("confirmed", await Status(booking));

        var done = await Reply(phone, "Oui!");
        Assert.Equal($"Votre RDV {booking.Code} est annule. Votre place est liberee pour quelqu'un d'autre. Merci.", done.Reply);
        Assert.Equal("cancelled", await Status(booking));
        // The manage link's own path: its access-log entry and the citizen's cancellation message.
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id = @id and program = 'Booking.Web/cancel'", ("id", booking.Id)));
        await fixture.WaitFor(booking.Id, m => m.Any(x => x.Kind == "BookingCancelledByCitizen" && x.Status == NotificationStatus.Delivered), "the cancellation's SMS");
        await Poll.UntilAsync(async () => await fixture.Citizen.Remaining("H2X1Y4", "FLU", CitizenApi.Plateau, start) == remaining + 1,
            Poll.Propagation, "the seat back in the search");
        Assert.Contains(fixture.Stub.All(), m => m.To == phone && m.TextBody == done.Reply);
    }

    [Fact]
    public async Task An_inbound_sms_delivered_twice_acts_once()
    {
        var phone = NewPhone();
        var start = QuebecDate.At(QuebecDate.NextWeekday(4), 9, 30);
        var booking = await Book(start, Citizen(phone, "en"));
        await Remind(start, booking);

        var question = await Reply(phone, "CANCEL", "SMquestion" + Guid.NewGuid().ToString("N"));
        var again = await Reply(phone, "CANCEL", question.MessageSid);
        Assert.StartsWith("Cancel your appointment of ", question.Reply);
        Assert.Equal((200, null), (again.Status, again.Reply));

        var sid = "SMyes" + Guid.NewGuid().ToString("N");
        var first = await Reply(phone, "yes", sid);
        var second = await Reply(phone, "yes", sid);

        Assert.Equal($"Your appointment {booking.Code} is cancelled. Your place is freed for someone else. Thank you.", first.Reply);
        Assert.Equal((200, null), (second.Status, second.Reply));
        Assert.Equal("cancelled", await Status(booking));
        var messages = await fixture.WaitFor(booking.Id, m => m.Any(x => x.Kind == "BookingCancelledByCitizen"), "the cancellation's message");
        Assert.Single(messages, m => m.Kind == "BookingCancelledByCitizen");
    }

    [Fact]
    public async Task A_phone_with_two_upcoming_bookings_is_asked_which_and_only_the_chosen_one_is_cancelled()
    {
        var phone = NewPhone();
        var day = QuebecDate.NextWeekday(5);
        var first = await Book(QuebecDate.At(day, 9, 30), Citizen(phone, lastName: "Roy"));
        var second = await Book(QuebecDate.At(day, 10), Citizen(phone, lastName: "Cote"));
        await Remind(first.Start, first, second);

        var which = await Reply(phone, "ANNULER");
        Assert.StartsWith("Quel RDV voulez-vous annuler? Repondez par son numero. 1: ", which.Reply);
        Assert.Contains("; 2: ", which.Reply);
        Assert.Equal("Repondez par un numero de 1 a 2, ou NON pour garder vos RDV.", (await Reply(phone, "3")).Reply);

        var confirm = await Reply(phone, "2");
        Assert.Contains(" 10 h a ", confirm.Reply);
        Assert.Equal($"Votre RDV {second.Code} est annule. Votre place est liberee pour quelqu'un d'autre. Merci.", (await Reply(phone, "OUI")).Reply);

        Assert.Equal(("confirmed", "cancelled"), (await Status(first), await Status(second)));
        // Only one is left: the next ANNULER asks about it directly.
        Assert.Contains("9 h 30", (await Reply(phone, "annuler")).Reply);
        Assert.Equal("Rien n'a change: votre RDV est maintenu.", (await Reply(phone, "non")).Reply);
        Assert.Equal("confirmed", await Status(first));
    }

    [Fact]
    public async Task An_unknown_or_ambiguous_reply_gets_a_short_help_and_changes_nothing()
    {
        var phone = NewPhone();
        var start = QuebecDate.At(QuebecDate.NextWeekday(6), 9, 30);
        var booking = await Book(start, Citizen(phone));
        await Remind(start, booking);

        Assert.Equal("Reponse non comprise. Pour annuler votre RDV, repondez ANNULER. / Reply not understood. To cancel your appointment, reply CANCEL.",
            (await Reply(phone, "Bonjour, je serai en retard")).Reply);
        Assert.StartsWith("Reponse non comprise", (await Reply(phone, "OUI")).Reply);
        await Reply(phone, "ANNULER");
        Assert.Equal("Repondez OUI pour annuler votre RDV, ou NON pour le garder.", (await Reply(phone, "peut-etre")).Reply);
        Assert.Equal("Repondez OUI pour annuler votre RDV, ou NON pour le garder.", (await Reply(phone, "1")).Reply);

        Assert.Equal("confirmed", await Status(booking));
    }

    [Fact]
    public async Task A_reply_from_a_phone_with_no_reminded_booking_cancels_nothing()
    {
        var stranger = NewPhone();
        Assert.Equal("No upcoming appointment is linked to this number. Use the link you received by e-mail or SMS.",
            (await Reply(stranger, "CANCEL")).Reply);
        Assert.StartsWith("Reply not understood", (await Reply(stranger, "YES")).Reply);

        // A booking with this phone whose reminder has not been sent yet cannot be cancelled by SMS either.
        var phone = NewPhone();
        var booking = await Book(QuebecDate.At(QuebecDate.NextWeekday(7), 9, 30), Citizen(phone));
        Assert.StartsWith("Aucun RDV a venir", (await Reply(phone, "ANNULER")).Reply);
        Assert.StartsWith("Reponse non comprise", (await Reply(phone, "OUI")).Reply);
        Assert.Equal("confirmed", await Status(booking));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("select count(*) from sms_conversations"));
    }

    [Fact]
    public async Task A_forged_or_unsigned_inbound_sms_is_refused_and_changes_nothing()
    {
        var phone = NewPhone();
        var start = QuebecDate.At(QuebecDate.NextWeekday(8), 9, 30);
        var booking = await Book(start, Citizen(phone));
        await Remind(start, booking);
        await Reply(phone, "ANNULER");
        var url = $"{fixture.WorkerUrl}/webhooks/twilio/inbound";
        var form = new Dictionary<string, string> { ["MessageSid"] = "SMforged" + Guid.NewGuid().ToString("N"), ["From"] = phone, ["Body"] = "OUI" };

        using var http = new HttpClient();
        foreach (var signature in new[] { TwilioSignature.Compute("not-the-token", url, form), TwilioSignature.Compute(DeliveryFixture.TwilioToken, url + "?x=1", form), null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            if (signature is not null)
                request.Headers.Add("X-Twilio-Signature", signature);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
        }

        Assert.Equal("confirmed", await Status(booking));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("select count(*) from sms_inbound_messages where message_sid = @sid", ("sid", form["MessageSid"])));
        // The genuine reply still finds its question open.
        Assert.StartsWith("Votre RDV", (await Reply(phone, "OUI")).Reply);
    }

    [Fact]
    public async Task The_reply_tables_never_hold_the_number()
    {
        var phone = NewPhone();
        var start = QuebecDate.At(QuebecDate.NextWeekday(9), 9, 30);
        var booking = await Book(start, Citizen(phone));
        await Remind(start, booking);
        await Reply(phone, "ANNULER");

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var dump = await fixture.Database.ScalarAsync<string>("""
            select coalesce((select string_agg(encode(phone_fingerprint, 'escape'), '') from sms_reply_targets), '')
                || coalesce((select string_agg(encode(phone_fingerprint, 'escape') || state || language, '') from sms_conversations), '')
            """);
        Assert.NotEmpty(dump);
        Assert.DoesNotContain(digits[^7..], dump);
    }
}
