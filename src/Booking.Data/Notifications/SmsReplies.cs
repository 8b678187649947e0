using Dapper;
using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>A booking a phone may cancel by replying: one it was reminded of by SMS, still confirmed and ahead.</summary>
public sealed record ReplyTarget(Guid BookingId, string ConfirmationCode, DateTimeOffset SlotStart, string LocationName, string TimeZone, string Language);

/// <summary>The question a phone was last asked: confirm cancelling one booking, or choose one of several.</summary>
public sealed record SmsConversation(string State, Guid[] BookingIds, string Language, DateTimeOffset ExpiresAt)
{
    public const string Confirm = "confirm";
    public const string Choose = "choose";
}

/// <summary>Two-way reminders' storage: which bookings a phone may cancel by reply, and the phone's open question.
/// Phones are keyed fingerprints only.</summary>
public sealed class SmsReplies(NpgsqlDataSource dataSource)
{
    /// <summary>Records that this phone got a reminder inviting a reply about this booking.</summary>
    public async Task RememberReminderAsync(byte[] phoneFingerprint, Guid bookingId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into sms_reply_targets (phone_fingerprint, booking_id) values (@phoneFingerprint, @bookingId)
            on conflict do nothing
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { phoneFingerprint, bookingId }, cancellationToken: cancellationToken));
    }

    /// <summary>Opens the handling of one inbound message: null when that message was already handled (or is being
    /// handled now by another request, which this one waits for). Nothing is kept unless the session is committed.</summary>
    public async Task<SmsReplySession?> OpenAsync(string messageSid, byte[] phoneFingerprint, CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            const string claim = "insert into sms_inbound_messages (message_sid) values (@messageSid) on conflict do nothing";
            if (await connection.ExecuteAsync(new CommandDefinition(claim, new { messageSid }, transaction, cancellationToken: cancellationToken)) == 0)
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }
            const string read = "select state, booking_ids, language, expires_at from sms_conversations where phone_fingerprint = @fingerprint for update";
            SmsConversation? conversation = null;
            await using (var command = new NpgsqlCommand(read, connection, transaction))
            {
                // Raw Npgsql: the uuid[] column reads straight into Guid[].
                command.Parameters.AddWithValue("fingerprint", phoneFingerprint);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                    conversation = new SmsConversation(reader.GetString(0), reader.GetFieldValue<Guid[]>(1), reader.GetString(2),
                        reader.GetFieldValue<DateTimeOffset>(3));
            }
            return new SmsReplySession(connection, transaction, phoneFingerprint, conversation);
        }
        catch
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }
}

/// <summary>One inbound message being handled, in one transaction with its claim: committed once the reply is decided
/// (and any cancellation made), so a failure leaves the message to the provider's retry.</summary>
public sealed class SmsReplySession(NpgsqlConnection connection, NpgsqlTransaction transaction, byte[] phoneFingerprint, SmsConversation? conversation)
    : IAsyncDisposable
{
    public SmsConversation? Conversation { get; } = conversation;

    /// <summary>The bookings this phone may cancel, soonest first; only those of <paramref name="among"/> when given.</summary>
    public async Task<IReadOnlyList<ReplyTarget>> TargetsAsync(DateTimeOffset now, Guid[]? among = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select b.id as bookingId, b.confirmation_code as confirmationCode, b.slot_start as slotStart,
                   l.name as locationName, l.time_zone as timeZone, b.language
            from sms_reply_targets t
            join bookings b on b.id = t.booking_id
            join locations l on l.id = b.location_id
            where t.phone_fingerprint = @phoneFingerprint and b.status = 'confirmed' and b.slot_start > @now
              and (@among::uuid[] is null or b.id = any(@among))
            order by b.slot_start, b.id
            """;
        var rows = await connection.QueryAsync<TargetRow>(new CommandDefinition(sql,
            new { phoneFingerprint, now = now.UtcDateTime, among }, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new ReplyTarget(r.BookingId, r.ConfirmationCode, new DateTimeOffset(r.SlotStart, TimeSpan.Zero), r.LocationName, r.TimeZone, r.Language)).ToList();
    }

    public async Task SaveAsync(SmsConversation conversation, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into sms_conversations (phone_fingerprint, state, booking_ids, language, expires_at)
            values (@phoneFingerprint, @State, @BookingIds, @Language, @expiresAt)
            on conflict (phone_fingerprint) do update
            set state = excluded.state, booking_ids = excluded.booking_ids, language = excluded.language, expires_at = excluded.expires_at
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            phoneFingerprint, conversation.State, conversation.BookingIds, conversation.Language, expiresAt = conversation.ExpiresAt.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
    }

    public async Task EndAsync(CancellationToken cancellationToken = default) =>
        await connection.ExecuteAsync(new CommandDefinition("delete from sms_conversations where phone_fingerprint = @phoneFingerprint",
            new { phoneFingerprint }, transaction, cancellationToken: cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private sealed record TargetRow(Guid BookingId, string ConfirmationCode, DateTime SlotStart, string LocationName, string TimeZone, string Language);
}
