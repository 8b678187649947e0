using Booking.Data.Demo;
using Booking.Data.Notifications;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Booking.Domain.Catalog;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Notifications.Tests;

/// <summary>The answer of the person in charge of personal information leaves through the worker, once, in the person's
/// language, with the answer unsealed only there: a correction's or an access request's from the booking's outbox, a
/// complaint's from the complaints' own, by e-mail or, without one, by SMS.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class PrivacyAnswerMessageTests(DeliveryFixture fixture)
{
    [Theory]
    [InlineData(PrivacyRequestKind.Correction)]
    [InlineData(PrivacyRequestKind.Access)]
    public async Task An_answered_request_of_a_booking_reaches_the_citizen_once_in_their_language(string kind)
    {
        var protector = fixture.Worker.GetRequiredService<PersonalDataProtector>();
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen("en", phone: false));
        var officer = await OfficerAsync();
        var request = kind == PrivacyRequestKind.Correction
            ? (await fixture.Worker.GetRequiredService<PrivacyRequestRepository>().AddCorrectionAsync(booking.Id,
                protector.Seal(new CorrectionRequest([new FieldCorrection("lastName", "Tremblay-Roy")], null), CorrectionRequest.SealPurpose),
                "Booking.Web/correction-request", null)).Id
            : await AccessRequestAsync(booking.Id, officer, protector);
        const string answer = "Your last name now reads Tremblay-Roy.";

        var answered = await fixture.Worker.GetRequiredService<PrivacyQueueRepository>().AnswerAsync(kind, request,
            protector.Seal(new PrivacyAnswer(answer), PrivacyAnswer.SealPurpose), corrected: null, officer, "Booking.Admin/privacy", null);

        Assert.Equal(PrivacyAnswerWrite.Answered, answered);
        var id = await fixture.Database.ScalarAsync<Guid>($"select id from notifications where {PrivacyRequestKind.NotificationColumn(kind)} = @id",
            ("id", request));
        await Poll.UntilAsync(async () => await fixture.Database.ScalarAsync<string>("select status from notifications where id = @id", ("id", id))
            == NotificationStatus.Delivered, TimeSpan.FromSeconds(20), "the answer to be delivered");
        var received = Assert.Single(fixture.StubMessagesOf(booking.Id), m => m.TextBody?.Contains(answer, StringComparison.Ordinal) == true);
        Assert.Equal((id.ToString(), "email", "en"), (received.IdempotencyKey, received.Channel, received.Language));
        Assert.Equal($"Answer to your request about your personal information: {booking.ConfirmationCode}", received.Subject);
        Assert.Contains("Hello Marie,", received.TextBody);
        // The answer itself is stored sealed: the database holds no word of it.
        Assert.DoesNotContain("Tremblay-Roy", System.Text.Encoding.UTF8.GetString(await fixture.Database.ScalarAsync<byte[]>(
            $"select answer_ciphertext from {PrivacyRequestKind.Table(kind)} where id = @id", ("id", request))));
    }

    [Theory]
    [InlineData("en", true, "email", "Answer to your complaint ", "Hello Jordan Smith,")]
    [InlineData("fr", false, "sms", "Reponse a votre plainte ", null)]
    public async Task An_answered_complaint_reaches_the_complainant_once_by_email_or_else_by_sms(string language, bool withEmail, string channel,
        string opening, string? greeting)
    {
        var protector = fixture.Worker.GetRequiredService<PersonalDataProtector>();
        var address = withEmail ? $"complaint-{Guid.NewGuid():N}@example.org" : null;
        var phone = $"+1514555{Random.Shared.Next(1000, 9999)}";
        var reference = $"PC-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var complaint = await fixture.Worker.GetRequiredService<PrivacyRequestRepository>().AddComplaintAsync(reference,
            protector.Seal(new PrivacyComplaint("Jordan Smith", address, phone, language, "I was called for no reason.", null), PrivacyComplaint.SealPurpose),
            "Booking.Web/privacy-complaint", null);
        var answer = $"We reviewed our calls {Guid.NewGuid():N}.";

        var answered = await fixture.Worker.GetRequiredService<PrivacyQueueRepository>().AnswerAsync(PrivacyRequestKind.Complaint, complaint.Id,
            protector.Seal(new PrivacyAnswer(answer), PrivacyAnswer.SealPurpose), corrected: null, await OfficerAsync(), "Booking.Admin/privacy", null);

        Assert.Equal(PrivacyAnswerWrite.Answered, answered);
        var id = await fixture.Database.ScalarAsync<Guid>("select id from privacy_complaint_messages where complaint_id = @id", ("id", complaint.Id));
        await Poll.UntilAsync(async () => await fixture.Database.ScalarAsync<string>("select status from privacy_complaint_messages where id = @id",
            ("id", id)) == NotificationStatus.Delivered, TimeSpan.FromSeconds(20), "the complaint's answer to be delivered");
        var received = Assert.Single(fixture.Stub.All(), m => m.IdempotencyKey == id.ToString());
        Assert.Equal((channel, address ?? phone, language), (received.Channel, received.To, received.Language));
        Assert.True(string.IsNullOrEmpty(received.BookingId), "A complaint's answer names no booking to the provider.");
        Assert.StartsWith(opening + reference, withEmail ? received.Subject : received.TextBody);
        Assert.Contains(answer, received.TextBody);
        if (greeting is not null)
            Assert.Contains(greeting, received.TextBody);
        // Reading the complainant's contact to write to them leaves its trace.
        Assert.True(await fixture.Database.ScalarAsync<bool>("""
            select exists (select 1 from personal_data_access_log
                           where record_id = @id and table_name = 'privacy_complaints' and actor = 'system:notifications')
            """, ("id", complaint.Id)));
    }

    /// <summary>An access request recorded by <paramref name="officer"/>, who holds the privacy officer's role over the
    /// booking's region.</summary>
    private async Task<Guid> AccessRequestAsync(Guid bookingId, Guid officer, PersonalDataProtector protector)
    {
        await fixture.Database.ScalarAsync<int>("""
            insert into staff_role_assignments (id, user_id, role, tenant_id, granted_at)
            values (gen_random_uuid(), @officer, 'privacy_officer', @tenant, now()) returning 1
            """, ("officer", officer), ("tenant", DemoSeed.MontrealRegion));
        var recorded = await fixture.Worker.GetRequiredService<AccessRequestRepository>().RecordAsync(
            new StaffGrantee(officer, ["privacy_officer"]),
            new NewAccessRequest(bookingId, "phone", QuebecTime.Today(TestClock.Provider), protector.Seal(new AccessRequestNote("All my records, by e-mail."),
                AccessRequestNote.SealPurpose), Guid.NewGuid()), QuebecTime.Zone, "Booking.Admin/privacy", null);
        return Assert.NotNull(recorded);
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
