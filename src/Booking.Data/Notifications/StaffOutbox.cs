using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>A change to a staff account, made by an administrator or by the person: what its audit row records
/// (<c>staff_account_audit.action</c>, in snake case) and what the e-mail that tells the person is about.</summary>
public enum StaffAccountEvent
{
    AccountCreated,
    AccountSuspended,
    AccountReactivated,
    RoleGranted,
    RoleRemoved,
    AuthenticatorReset,
    PasswordChangeRequired,
    RecoveryCodesGenerated,
    /// <summary>An account created with an invitation: the e-mail carries the link (its detail is the invitation's id).</summary>
    AccountInvited,
    /// <summary>The person chose their password through their invitation.</summary>
    InvitationAccepted,
    /// <summary>A role asked for the person, which grants nothing until another administrator approves it.</summary>
    RoleRequested,
    /// <summary>A role asked for the person, turned down (or withdrawn by its requester).</summary>
    RoleRejected,
    /// <summary>A role the person holds, confirmed at its yearly review for another year.</summary>
    RoleReviewed,
}

/// <summary>A staff message a worker has claimed, with where and how to write it.</summary>
public sealed record ClaimedStaffMessage(Guid Id, StaffAccountEvent Kind, string Detail, int Attempts, string Email, string DisplayName, string Language)
    : IClaimedMessage;

/// <summary>
/// The outbox of e-mails to staff about their account (<c>staff_notifications</c>). A change queues its message in its
/// own transaction (<see cref="EnqueueAsync"/>); the notification worker claims due messages under a lease
/// (<c>skip locked</c>, as the citizens' outbox does), sends them and records the outcome.
/// </summary>
public sealed class StaffOutbox(NpgsqlDataSource dataSource) : ILeasedOutbox<ClaimedStaffMessage>
{
    /// <summary>Queues a message within the change's transaction: it is sent if and only if the change commits.</summary>
    public static async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid staffUserId, StaffAccountEvent kind,
        string detail, CancellationToken cancellationToken = default)
    {
        const string sql = "insert into staff_notifications (id, staff_user_id, kind, detail) values (@id, @user, @kind, @detail)";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("user", staffUserId);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("detail", detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimedStaffMessage>> ClaimAsync(string workerId, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var sql = LeasedOutbox.ClaimCte("staff_notifications", "m.id, m.staff_user_id, m.kind, m.detail, m.attempts") + """
            select c.id, c.kind, c.detail, c.attempts, u.email, u.display_name, u.language
            from claimed c join staff_users u on u.id = c.staff_user_id
            """;
        await using var command = dataSource.CreateCommand(sql);
        LeasedOutbox.AddClaimParameters(command, workerId, batchSize, lease);
        var claimed = new List<ClaimedStaffMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add(new ClaimedStaffMessage(reader.GetGuid(0), Enum.Parse<StaffAccountEvent>(reader.GetString(1)), reader.GetString(2),
                reader.GetInt32(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        return claimed;
    }

    public Task RecordAsync(string workerId, Guid id, string status, string? providerMessageId, string? error, DateTimeOffset? retryAt,
        CancellationToken cancellationToken = default) =>
        LeasedOutbox.RecordAsync(dataSource, "staff_notifications", workerId, id, status, providerMessageId, error, retryAt, cancellationToken);
}
