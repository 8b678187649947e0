using Booking.Data.Notifications;
using Npgsql;

namespace Booking.Data.WaitingList;

/// <summary>What a waiting-list message says: a place taken on the list, or a seat offered from it.</summary>
public enum WaitingListMessageKind { Joined, Offer }

/// <summary>The seat an offer holds, and until when (none for <see cref="WaitingListMessageKind.Joined"/>).</summary>
public sealed record WaitingListOfferFacts(Guid OfferId, Guid LocationId, DateTimeOffset SlotStart, DateTimeOffset ExpiresAt);

/// <summary>What a waiting-list message may say: the service, the dates asked for, the seat offered. No name, no contact.</summary>
public sealed record WaitingListMessage(Guid Id, WaitingListMessageKind Kind, Guid EntryId, string ServiceCode, string Language, DateOnly From, DateOnly To,
    WaitingListOfferFacts? Offer);

/// <summary>A waiting-list message a worker has claimed, with the person's sealed contact.</summary>
public sealed record ClaimedWaitingListMessage(WaitingListMessage Message, int Attempts, byte[] ContactCiphertext, string EncryptionKeyId)
    : IClaimedMessage
{
    public Guid Id => Message.Id;
}

/// <summary>
/// The outbox of messages to people on the waiting list (<c>waiting_list_messages</c>), queued in the statement that
/// records the place or the offer (<see cref="WaitingListRepository"/>). The notification worker claims due messages
/// under a lease (<c>skip locked</c>, as the citizens' and staff outboxes do), sends them and records the outcome.
/// </summary>
public sealed class WaitingListOutbox(NpgsqlDataSource dataSource) : ILeasedOutbox<ClaimedWaitingListMessage>
{
    public async Task<IReadOnlyList<ClaimedWaitingListMessage>> ClaimAsync(string workerId, int batchSize, TimeSpan lease,
        CancellationToken cancellationToken = default)
    {
        var sql = LeasedOutbox.ClaimCte(Table, "m.id, m.kind, m.attempts, m.entry_id, m.offer_id") + """
            select c.id, c.kind, c.attempts, e.id, e.service_code, e.language, e.contact_ciphertext, e.encryption_key_id,
                   o.id, o.location_id, o.slot_start, o.expires_at, e.from_date, e.to_date
            from claimed c join waiting_list_entries e on e.id = c.entry_id left join waiting_list_offers o on o.id = c.offer_id
            """;
        await using var command = dataSource.CreateCommand(sql);
        LeasedOutbox.AddClaimParameters(command, workerId, batchSize, lease);
        var claimed = new List<ClaimedWaitingListMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add(new ClaimedWaitingListMessage(new WaitingListMessage(reader.GetGuid(0), Enum.Parse<WaitingListMessageKind>(reader.GetString(1)),
                    reader.GetGuid(3), reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateOnly>(12), reader.GetFieldValue<DateOnly>(13),
                    reader.IsDBNull(8) ? null : new WaitingListOfferFacts(reader.GetGuid(8), reader.GetGuid(9),
                        reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11))),
                reader.GetInt32(2), reader.GetFieldValue<byte[]>(6), reader.GetString(7)));
        return claimed;
    }

    public Task RecordAsync(string workerId, Guid id, string status, string? providerMessageId, string? error, DateTimeOffset? retryAt,
        CancellationToken cancellationToken = default) =>
        LeasedOutbox.RecordAsync(dataSource, Table, workerId, id, status, providerMessageId, error, retryAt, cancellationToken);

    private const string Table = "waiting_list_messages";
}
