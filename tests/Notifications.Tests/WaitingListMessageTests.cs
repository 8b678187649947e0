using Booking.Data.Demo;
using Booking.Data.Protection;
using Booking.Data.WaitingList;
using Booking.DevInbox;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Notifications.Tests;

/// <summary>What the waiting list tells people leaves its outbox through the worker to the SendGrid and Twilio stubs, in
/// the person's language: the place taken, with the link to leave; a seat offered, with the offer's own link. Each is
/// recorded as delivered when the provider reports it. An offer that ran out before it could be sent is not sent.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class WaitingListMessageTests(DeliveryFixture fixture)
{
    private static readonly Guid Plateau = DemoSeed.Location(3);

    private WaitingListRepository List => fixture.Worker.GetRequiredService<WaitingListRepository>();
    private WaitingListTokens Tokens => fixture.Worker.GetRequiredService<WaitingListTokens>();

    [Fact]
    public async Task A_place_and_an_offer_are_emailed_in_english_with_the_leave_and_offer_links()
    {
        var day = QuebecDate.NextWeekday(7);
        var address = $"list-{Guid.NewGuid():N}@example.org";
        var entry = await JoinAsync(day, new WaitingListContact(address, null, "en"));

        var joined = await DeliveredAsync(entry, "Joined");
        Assert.Equal((address, "en", null), (joined.To, joined.Language, joined.BookingId));
        Assert.Equal("You are on the waiting list: Influenza (flu) vaccine", joined.Subject);
        Assert.Contains($"/waiting-list/places/{entry}/leave?token={Tokens.ForPlace(entry)}&lang=en", joined.TextBody);

        var offer = await OfferAsync(day, QuebecDate.At(day, 9, 30), TimeSpan.FromMinutes(30));
        var offered = await DeliveredAsync(entry, "Offer");
        Assert.Equal("A place has freed up: Influenza (flu) vaccine", offered.Subject);
        Assert.Contains("at 9:30 AM at CLSC du Plateau-Mont-Royal", offered.TextBody);
        Assert.Contains($"/waiting-list/offers/{offer}?token={Tokens.ForOffer(offer)}&amp;lang=en", offered.HtmlBody);
        Assert.DoesNotContain("{{", offered.TextBody);
    }

    [Fact]
    public async Task Without_an_email_the_offer_goes_by_sms_in_french()
    {
        var day = QuebecDate.NextWeekday(8);
        var phone = $"+1514555{Random.Shared.Next(1000, 9999)}";
        var entry = await JoinAsync(day, new WaitingListContact(null, phone, "fr"));
        var offer = await OfferAsync(day, QuebecDate.At(day, 14), TimeSpan.FromMinutes(30));

        var offered = await DeliveredAsync(entry, "Offer");
        Assert.Equal(("sms", phone), (offered.Channel, offered.To));
        Assert.StartsWith("Place liberee Vaccin contre l'influenza (grippe): ", offered.TextBody);
        Assert.Contains("14 h, CLSC du Plateau-Mont-Royal", offered.TextBody);
        Assert.Contains($"/waiting-list/offers/{offer}?token={Tokens.ForOffer(offer)}&lang=fr", offered.TextBody);
    }

    [Fact]
    public async Task An_offer_that_ran_out_before_it_could_be_sent_is_not_sent()
    {
        var day = QuebecDate.NextWeekday(9);
        var entry = await JoinAsync(day, new WaitingListContact($"late-{Guid.NewGuid():N}@example.org", null, "fr"));
        await DeliveredAsync(entry, "Joined");

        await OfferAsync(day, QuebecDate.At(day, 15), TimeSpan.FromMinutes(-1));

        await Poll.UntilAsync(async () => await StatusAsync(entry, "Offer") == "dead_letter", TimeSpan.FromSeconds(20), "the late offer to be given up");
        var late = await MessageIdAsync(entry, "Offer");
        Assert.DoesNotContain(fixture.Stub.All(), m => m.IdempotencyKey == late.ToString());
    }

    private async Task<Guid> JoinAsync(DateOnly day, WaitingListContact contact)
    {
        var protector = fixture.Worker.GetRequiredService<PersonalDataProtector>();
        var id = Guid.CreateVersion7();
        Assert.True(await List.JoinAsync(new NewWaitingListEntry(id, "FLU", [Plateau], day, day,
            protector.Seal(contact, WaitingListContact.SealPurpose), protector.ContactFingerprint(contact.Email, contact.Phone), contact.Language)));
        return id;
    }

    /// <summary>Offers a seat as the clinic-day does once it holds it: to the first person waiting who may have it.</summary>
    private async Task<Guid> OfferAsync(DateOnly day, DateTimeOffset start, TimeSpan heldFor)
    {
        var id = Guid.NewGuid();
        var now = TestClock.Now;
        Assert.True(await List.OfferAsync(new NewWaitingListOffer(id, Plateau, "FLU", day, start, start.AddMinutes(15), $"hold-{id:N}", now + heldFor),
            now, maxOffersPerSeatPerDay: 5));
        return id;
    }

    private async Task<RecordedMessage> DeliveredAsync(Guid entry, string kind)
    {
        await Poll.UntilAsync(async () => await StatusAsync(entry, kind) == "delivered", TimeSpan.FromSeconds(20), $"the {kind} message to be delivered");
        var id = await MessageIdAsync(entry, kind);
        return Assert.Single(fixture.Stub.All(), m => m.IdempotencyKey == id.ToString());
    }

    private Task<string?> StatusAsync(Guid entry, string kind) => fixture.Database.ScalarAsync<string?>(
        "select status from waiting_list_messages where entry_id = @e and kind = @k", ("e", entry), ("k", kind));

    private Task<Guid> MessageIdAsync(Guid entry, string kind) => fixture.Database.ScalarAsync<Guid>(
        "select id from waiting_list_messages where entry_id = @e and kind = @k", ("e", entry), ("k", kind));
}
