using Booking.Data.Demo;
using Booking.Data.Notifications;
using Booking.Testing;

namespace Booking.Notifications.Tests;

/// <summary>E-mails to staff about their own account leave the staff outbox through the worker, in the person's
/// language, naming the role granted and the staff site, and are recorded as delivered once SendGrid reports it.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class StaffMessageTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_role_granted_is_emailed_to_the_staff_member_in_their_language_and_recorded_as_delivered()
    {
        var (userId, email) = await StaffMemberAsync("en");
        var detail = new StaffRoleChange("front_desk", "CIUSSS du Centre-Sud", ["Stade olympique"]).ToDetail();

        var id = await EnqueueAsync(userId, StaffAccountEvent.RoleGranted, detail);

        await Poll.UntilAsync(async () => await StatusAsync(id) == NotificationStatus.Delivered, TimeSpan.FromSeconds(20), "the staff e-mail to be delivered");
        var received = Assert.Single(fixture.Stub.All(), m => m.IdempotencyKey == id.ToString());
        Assert.Equal((email, "en", null), (received.To, received.Language, received.BookingId));
        Assert.Equal("A role has been granted to you", received.Subject);
        Assert.Contains("Front desk (CIUSSS du Centre-Sud, Stade olympique)", received.TextBody);
        Assert.Contains("<a href=\"http://127.0.0.1:5082\">", received.HtmlBody);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select attempts::bigint from staff_notifications where id = @id", ("id", id)));
    }

    [Fact]
    public async Task A_suspension_is_emailed_in_french_by_default()
    {
        var (userId, email) = await StaffMemberAsync("fr");

        var id = await EnqueueAsync(userId, StaffAccountEvent.AccountSuspended, "");

        await Poll.UntilAsync(async () => await StatusAsync(id) == NotificationStatus.Delivered, TimeSpan.FromSeconds(20), "the staff e-mail to be delivered");
        var received = Assert.Single(fixture.Stub.All(), m => m.IdempotencyKey == id.ToString());
        Assert.Equal(email, received.To);
        Assert.Equal("Votre compte est suspendu", received.Subject);
        Assert.Contains("vos sessions sont fermées", received.TextBody);
    }

    private async Task<(Guid Id, string Email)> StaffMemberAsync(string language)
    {
        var id = Guid.CreateVersion7();
        var email = $"staff-{id:N}@test.example";
        await using var command = fixture.Database.DataSource.CreateCommand("""
            insert into staff_users (id, tenant_id, display_name, must_change_password, user_name, email, email_confirmed,
                                     phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, language)
            values (@id, @tenant, 'Test', false, @email, @email, true, false, false, true, 0, @language)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("tenant", DemoSeed.MontrealRegion);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("language", language);
        await command.ExecuteNonQueryAsync();
        return (id, email);
    }

    /// <summary>Queues as an administrator's change does: inside a transaction, committed.</summary>
    private async Task<Guid> EnqueueAsync(Guid userId, StaffAccountEvent kind, string detail)
    {
        await using var connection = await fixture.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await StaffOutbox.EnqueueAsync(connection, transaction, userId, kind, detail);
        await transaction.CommitAsync();
        return await fixture.Database.ScalarAsync<Guid>(
            "select id from staff_notifications where staff_user_id = @user order by created_at desc limit 1", ("user", userId));
    }

    private async Task<string> StatusAsync(Guid id)
    {
        await using var command = fixture.Database.DataSource.CreateCommand("select status from staff_notifications where id = @id");
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
