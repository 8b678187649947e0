using Booking.Data.Bookings;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Citizens;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests;

/// <summary>Bookings written by the statement the silo's group commit runs (which queues the confirmation message in
/// the outbox), and their messages moved on by the code the notification worker and the providers' webhooks run.</summary>
public sealed class TestBookings(AdminFixture fixture)
{
    /// <summary>Demo clinics: Stade olympique (Montréal region) and ExpoCité (Québec City region).</summary>
    public static readonly Guid MontrealClinic = new("10000000-0000-4000-8000-000000000001");
    public static readonly Guid QuebecClinic = new("10000000-0000-4000-8000-000000000005");

    private static int _slot;
    private T Service<T>() where T : notnull => fixture.Services.GetRequiredService<T>();

    public async Task<NewBooking> BookAsync(Guid tenant, Guid clinic, string firstName, string lastName)
    {
        var protector = Service<PersonalDataProtector>();
        var citizen = new CitizenDetails(firstName, lastName, new DateOnly(1975, 3, 14), null, $"{firstName.ToLowerInvariant()}@example.org",
            "+15145550143", "fr", EmailConsent: true);
        var start = QuebecDate.At(QuebecDate.NextWeekday(3), 8).AddMinutes(10 * Interlocked.Increment(ref _slot));
        var booking = new NewBooking(Guid.CreateVersion7(), ConfirmationCode.New(), tenant, clinic, "FLU", start, start.AddMinutes(10), 0, 12,
            "hold-" + Guid.NewGuid().ToString("N"), null, protector.Seal(citizen, QuebecDate.Of(start), tenant), protector.Seal(new BookingDeclarations([], []), tenant), TestClock.Now, null);
        Assert.IsType<InsertOutcome.Inserted>(Assert.Single(await Service<BookingRepository>().InsertAsync([booking])));
        return booking;
    }

    /// <summary>The confirmation e-mail is sent and bounces, which queues an SMS in its place; the SMS is sent and
    /// delivered. Leaves the booking with one bounced e-mail and one delivered SMS pointing at it.</summary>
    public async Task BounceEmailThenDeliverSmsAsync(Guid bookingId)
    {
        var email = await SendAsync(bookingId, NotificationChannel.Email);
        Assert.Equal(1, await Service<ProviderEvents>().ApplyAsync(NotificationChannel.Email,
            [new ProviderReport(email, NotificationStatus.Bounced, null, "550 5.1.1 mailbox unavailable", NotificationChannel.Sms)]));
        var sms = await SendAsync(bookingId, NotificationChannel.Sms);
        Assert.Equal(1, await Service<ProviderEvents>().ApplyAsync(NotificationChannel.Sms,
            [new ProviderReport(sms, NotificationStatus.Delivered, null, null)]));
    }

    /// <summary>What the worker does with a due message: claim it, hand it to the provider, record the provider's id.
    /// The claim may take other tests' messages too: a lease of zero leaves those due again at once.</summary>
    private async Task<Guid> SendAsync(Guid bookingId, string channel)
    {
        var outbox = Service<NotificationOutbox>();
        var claimed = Assert.Single(await outbox.ClaimAsync("admin-tests", 1000, TimeSpan.Zero), n => n.BookingId == bookingId);
        await outbox.RecordAsync("admin-tests", [new SendRecord(claimed.Id, channel, NotificationStatus.Sent, $"{channel}-{claimed.Id:N}", null, null, null)]);
        return claimed.Id;
    }
}
