using Booking.Data.Demo;
using Booking.Data.Notifications;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Notifications.Tests;

/// <summary>The answer of the person in charge of personal information to a citizen's correction request leaves the
/// booking's outbox through the worker, once, in the citizen's language, with the answer unsealed only there.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class PrivacyAnswerMessageTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task An_answered_correction_request_reaches_the_citizen_once_in_their_language()
    {
        var protector = fixture.Worker.GetRequiredService<PersonalDataProtector>();
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen("en", phone: false));
        var correction = await fixture.Worker.GetRequiredService<PrivacyRequestRepository>().AddCorrectionAsync(booking.Id,
            protector.Seal(new CorrectionRequest([new FieldCorrection("lastName", "Tremblay-Roy")], null), CorrectionRequest.SealPurpose),
            "Booking.Web/correction-request", null);
        var officer = await OfficerAsync();
        const string answer = "Your last name now reads Tremblay-Roy.";

        var answered = await fixture.Worker.GetRequiredService<PrivacyQueueRepository>().AnswerAsync(PrivacyRequestKind.Correction, correction.Id,
            protector.Seal(new PrivacyAnswer(answer), PrivacyAnswer.SealPurpose), officer, "Booking.Admin/privacy", null);

        Assert.True(answered);
        var id = await fixture.Database.ScalarAsync<Guid>("select id from notifications where correction_request_id = @id", ("id", correction.Id));
        await Poll.UntilAsync(async () => await fixture.Database.ScalarAsync<string>("select status from notifications where id = @id", ("id", id))
            == NotificationStatus.Delivered, TimeSpan.FromSeconds(20), "the answer to be delivered");
        var received = Assert.Single(fixture.StubMessagesOf(booking.Id), m => m.TextBody?.Contains(answer, StringComparison.Ordinal) == true);
        Assert.Equal((id.ToString(), "email", "en"), (received.IdempotencyKey, received.Channel, received.Language));
        Assert.Equal($"Answer to your correction request: {booking.ConfirmationCode}", received.Subject);
        Assert.Contains("Hello Marie,", received.TextBody);
        // The answer itself is stored sealed: the database holds no word of it.
        Assert.DoesNotContain("Tremblay-Roy", System.Text.Encoding.UTF8.GetString(await fixture.Database.ScalarAsync<byte[]>(
            "select answer_ciphertext from correction_requests where id = @id", ("id", correction.Id))));
    }

    private async Task<Guid> OfficerAsync()
    {
        var id = Guid.CreateVersion7();
        await fixture.Database.ScalarAsync<int>("""
            insert into staff_users (id, tenant_id, display_name, must_change_password, user_name, email, email_confirmed,
                                     phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, language)
            values (@id, @tenant, 'Officer', false, @email, @email, true, false, false, true, 0, 'fr') returning 1
            """, ("id", id), ("tenant", DemoSeed.MontrealRegion), ("email", $"officer-{id:N}@test.example"));
        return id;
    }
}
