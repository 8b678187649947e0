using Booking.Data.Notifications;
using Booking.Data.Protection;
using Npgsql;

namespace Booking.Data.Privacy;

/// <summary>A complaint's answer a worker has claimed: the complaint (who to write to, in which language) and the
/// answer, both still sealed, and the complaint's reference to quote.</summary>
public sealed record ClaimedComplaintAnswer(Guid Id, int Attempts, Guid ComplaintId, string Reference, SealedData Complaint, SealedData Answer)
    : IClaimedMessage;

/// <summary>
/// The outbox of answers to privacy complaints (<c>privacy_complaint_messages</c>), queued in the statement that answers
/// the complaint (<see cref="PrivacyQueueRepository.AnswerAsync"/>). The worker claims due messages under a lease, as
/// the other outboxes do; the claim reads the complainant's sealed contact, so it leaves its access-log trace.
/// </summary>
public sealed class ComplaintAnswerOutbox(NpgsqlDataSource dataSource) : ILeasedOutbox<ClaimedComplaintAnswer>
{
    internal const string Table = "privacy_complaint_messages";

    public async Task<IReadOnlyList<ClaimedComplaintAnswer>> ClaimAsync(string workerId, int batchSize, TimeSpan lease,
        CancellationToken cancellationToken = default)
    {
        var sql = LeasedOutbox.ClaimCte(Table, "m.id, m.attempts, m.complaint_id") + """
            , traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program)
                select 'system:notifications', 'read', 'privacy_complaints', complaint_id, 'Notifications/dispatch' from claimed)
            select c.id, c.attempts, p.id, p.reference, p.ciphertext, p.encryption_key_id, p.answer_ciphertext, p.answer_key_id
            from claimed c join privacy_complaints p on p.id = c.complaint_id
            """;
        await using var command = dataSource.CreateCommand(sql);
        LeasedOutbox.AddClaimParameters(command, workerId, batchSize, lease);
        var claimed = new List<ClaimedComplaintAnswer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add(new ClaimedComplaintAnswer(reader.GetGuid(0), reader.GetInt32(1), reader.GetGuid(2), reader.GetString(3),
                new SealedData(reader.GetFieldValue<byte[]>(4), reader.GetString(5)),
                new SealedData(reader.GetFieldValue<byte[]>(6), reader.GetString(7))));
        return claimed;
    }

    public Task RecordAsync(string workerId, Guid id, string status, string? providerMessageId, string? error, DateTimeOffset? retryAt,
        CancellationToken cancellationToken = default) =>
        LeasedOutbox.RecordAsync(dataSource, Table, workerId, id, status, providerMessageId, error, retryAt, cancellationToken);
}
