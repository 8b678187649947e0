using System.Text;
using Booking.Domain.Citizens;
using Booking.Passes;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Messages.Tests;

public sealed class AttachmentTests(MessagesFixture fixture) : IClassFixture<MessagesFixture>
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 24, 14, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MessageKind.BookingConfirmed)]
    [InlineData(MessageKind.BookingRescheduled)]
    [InlineData(MessageKind.BookingMovedByClinic)]
    [InlineData(MessageKind.Reminder)]
    public async Task A_live_appointment_comes_with_a_calendar_entry_that_parses_back(MessageKind kind)
    {
        var facts = MessagesFixture.Facts("fr", Slot, previousStart: Slot.AddDays(-1));

        var email = await fixture.Composer.ComposeEmailAsync(kind, facts, default);

        var ics = Assert.Single(email.Attachments, a => a.ContentType.StartsWith("text/calendar", StringComparison.Ordinal));
        Assert.Equal("rendez-vous.ics", ics.FileName);
        var calendar = Calendar.Load(Encoding.UTF8.GetString(ics.Content))!;
        Assert.Equal("PUBLISH", calendar.Method);
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(AppointmentCalendar.Uid(facts.BookingId), entry.Uid);
        Assert.Equal(Slot.UtcDateTime, entry.DtStart!.AsUtc);
        Assert.Equal(facts.SlotEnd.UtcDateTime, entry.DtEnd!.AsUtc);
        Assert.Equal("CONFIRMED", entry.Status);
        Assert.Equal("CLSC du Plateau-Mont-Royal, 4625, avenue De Lorimier, Montréal H2H 2B4", entry.Location);
        Assert.Contains("K7QF3M9T", entry.Description);
    }

    [Theory]
    [InlineData(MessageKind.BookingCancelledByCitizen)]
    [InlineData(MessageKind.BookingCancelledByClinic)]
    public async Task A_cancellation_removes_the_calendar_entry_and_carries_no_pass(MessageKind kind)
    {
        var email = await fixture.Composer.ComposeEmailAsync(kind, MessagesFixture.Facts("en", Slot), default);

        var ics = Assert.Single(email.Attachments);
        Assert.Equal("appointment.ics", ics.FileName);
        var calendar = Calendar.Load(Encoding.UTF8.GetString(ics.Content))!;
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", Assert.Single(calendar.Events).Status);
        Assert.Null(email.PassToken);
        Assert.DoesNotContain("cid:", email.HtmlBody);
    }

    [Fact]
    public void Text_with_separators_line_breaks_and_accents_parses_back_as_written_in_lines_of_at_most_75_octets()
    {
        var appointment = new CalendarAppointment(Guid.NewGuid(), "Vaccin; grippe, « saisonnière » \\no 2",
            "Numéro : K7QF3M9T\r\nÀ apporter : carte d'assurance maladie, liste des médicaments;\n" + string.Concat(Enumerable.Repeat("éà€😷", 40)),
            "CLSC du Plateau-Mont-Royal, 4625, avenue De Lorimier; Montréal H2H 2B4", Slot, Slot.AddMinutes(10));

        var text = Encoding.UTF8.GetString(new AppointmentCalendar(fixture.Clock).Publish(appointment));

        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain('\n', text.Replace("\r\n", ""));
        Assert.All(text.Split("\r\n"), line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
        var entry = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(appointment.Summary, entry.Summary);
        Assert.Equal(appointment.Description.ReplaceLineEndings("\n"), entry.Description);
        Assert.Equal(appointment.Location, entry.Location);
        Assert.Equal(Slot.UtcDateTime, entry.DtStart!.AsUtc);
    }

    [Fact]
    public async Task A_later_revision_of_the_same_booking_has_the_same_uid_and_a_higher_sequence()
    {
        var confirmed = await Ics(MessageKind.BookingConfirmed, Slot);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var moved = await Ics(MessageKind.BookingRescheduled, Slot.AddDays(1));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var cancelled = await Ics(MessageKind.BookingCancelledByCitizen, Slot.AddDays(1));

        Assert.Equal(confirmed.Uid, moved.Uid);
        Assert.Equal(confirmed.Uid, cancelled.Uid);
        Assert.True(moved.Sequence > confirmed.Sequence);
        Assert.True(cancelled.Sequence > moved.Sequence);
    }

    [Fact]
    public async Task The_inline_qr_code_draws_a_pass_that_verifies_with_the_published_keys()
    {
        var facts = MessagesFixture.Facts("fr", Slot);

        var email = await fixture.Composer.ComposeEmailAsync(MessageKind.BookingConfirmed, facts, default);

        var qr = Assert.Single(email.Attachments, a => a.ContentType == "image/png");
        Assert.Equal(MessageComposer.PassContentId, qr.ContentId);
        Assert.Contains($"src=\"cid:{qr.ContentId}\"", email.HtmlBody);
        Assert.Equal(PassQrCode.Png(email.PassToken!), qr.Content);
        // As a clinic's scanner would: only the JSON a verifier downloads from /.well-known/jwks.json.
        var jwks = JsonWebKeySet.Parse(fixture.Services.GetRequiredService<PublishedKeys>().Current().ToJson());
        var valid = Assert.IsType<PassVerification.Valid>(new AppointmentPassVerifier(jwks, fixture.Clock).Verify(email.PassToken!));
        Assert.Equal(new { facts.BookingId, facts.ConfirmationCode, facts.LocationId, facts.ServiceCode, SlotStart = facts.SlotStart },
            new { valid.Claims.BookingId, valid.Claims.ConfirmationCode, valid.Claims.LocationId, valid.Claims.ServiceCode, valid.Claims.SlotStart });
    }

    [Fact]
    public async Task No_message_carries_the_health_card_number_or_last_name_the_booking_holds()
    {
        // What the booking stores (sealed); the worker unseals it and passes on the first name only.
        var citizen = new CitizenDetails("Marie", "Tremblay", new DateOnly(1980, 5, 1), "TREM80050112", "marie@example.org", "+15145550143", "fr", EmailConsent: true);
        var facts = MessagesFixture.Facts("fr", Slot, previousStart: Slot.AddDays(-1)) with { CitizenFirstName = citizen.FirstName };

        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            var email = await fixture.Composer.ComposeEmailAsync(kind, facts, default);
            var sms = await fixture.Composer.ComposeSmsAsync(kind, facts, default);
            var everything = string.Join("\n", [email.Subject, email.TextBody, email.HtmlBody, sms.Body, email.PassToken ?? "",
                PassPayload(email.PassToken), .. email.Attachments.Select(a => Encoding.UTF8.GetString(a.Content))]);
            foreach (var secret in new[] { citizen.HealthCardNumber!, "TREM 8005 0112", citizen.LastName, "1980-05-01", citizen.Email!, citizen.Phone! })
                Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<Ical.Net.CalendarComponents.CalendarEvent> Ics(MessageKind kind, DateTimeOffset start)
    {
        var email = await fixture.Composer.ComposeEmailAsync(kind, MessagesFixture.Facts("fr", start, previousStart: Slot), default);
        var ics = email.Attachments.Single(a => a.ContentType.StartsWith("text/calendar", StringComparison.Ordinal));
        return Calendar.Load(Encoding.UTF8.GetString(ics.Content))!.Events.Single();
    }

    private static string PassPayload(string? token) =>
        token is null ? "" : Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]));
}
