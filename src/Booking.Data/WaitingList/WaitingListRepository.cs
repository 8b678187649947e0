using Booking.Data.Protection;
using Dapper;
using Npgsql;

namespace Booking.Data.WaitingList;

/// <summary>How to reach a person on the waiting list: sealed with the list's own purpose, never stored in clear.</summary>
public sealed record WaitingListContact(string? Email, string? Phone, string Language)
{
    public const string SealPurpose = "waiting-list-contact";
}

/// <summary>A person asking for a seat: which service, which clinics (those within their distance), which dates.</summary>
public sealed record NewWaitingListEntry(Guid Id, string ServiceCode, Guid[] LocationIds, DateOnly From, DateOnly To, SealedData Contact,
    byte[] ContactFingerprint, string Language);

/// <summary>A seat held in a clinic-day for the next person on the list.</summary>
public sealed record NewWaitingListOffer(Guid Id, Guid LocationId, string ServiceCode, DateOnly Date, DateTimeOffset SlotStart, DateTimeOffset SlotEnd,
    string HoldId, DateTimeOffset ExpiresAt);

/// <summary>An offer as its link shows it.</summary>
public sealed record StoredWaitingListOffer(Guid Id, Guid EntryId, Guid LocationId, string ServiceCode, DateTimeOffset SlotStart, DateTimeOffset SlotEnd,
    string HoldId, DateTimeOffset ExpiresAt, string Status, string Language)
{
    public bool IsAccepted => Status == "accepted";

    public bool IsDeclined => Status == "declined";
}

/// <summary>
/// The waiting list (migration 0121). First come, first offered: the next person is chosen, marked as holding an offer
/// and told, in one statement, and only if they hold no other open offer, were never offered this seat, and the seat
/// has not already been offered too often today (no storm of messages when a seat is freed and retaken again and again).
/// </summary>
public sealed class WaitingListRepository(NpgsqlDataSource dataSource)
{
    /// <returns>False when this person already waits for this service (nothing changes; they are told nothing new).</returns>
    public async Task<bool> JoinAsync(NewWaitingListEntry entry, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with joined as (
                insert into waiting_list_entries (id, service_code, location_ids, from_date, to_date, contact_ciphertext, encryption_key_id,
                                                  contact_fingerprint, language)
                values (@Id, @ServiceCode, @LocationIds, @From, @To, @ciphertext, @keyId, @ContactFingerprint, @Language)
                on conflict (contact_fingerprint, service_code) where status = 'waiting' do nothing
                returning id),
            told as (
                insert into waiting_list_messages (id, entry_id, kind) select gen_random_uuid(), id, 'Joined' from joined)
            select count(*) from joined
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            entry.Id, entry.ServiceCode, entry.LocationIds, From = entry.From.ToDateTime(TimeOnly.MinValue), To = entry.To.ToDateTime(TimeOnly.MinValue),
            ciphertext = entry.Contact.Ciphertext, keyId = entry.Contact.KeyId, entry.ContactFingerprint, entry.Language,
        }, cancellationToken: cancellationToken)) == 1;
    }

    /// <returns>False when the place was not waiting any more (already left or booked).</returns>
    public async Task<bool> LeaveAsync(Guid entryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update waiting_list_entries set status = 'left', left_at = now() where id = @entryId and status = 'waiting'",
            new { entryId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<string?> StatusAsync(Guid entryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select status from waiting_list_entries where id = @entryId", new { entryId }, cancellationToken: cancellationToken));
    }

    /// <summary>Whether anyone waits for this service at this clinic on this date: the clinic-day asks before holding a seat.</summary>
    public async Task<bool> AnyWaitingAsync(string serviceCode, Guid locationId, DateOnly date, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select exists (select 1 from waiting_list_entries
                           where status = 'waiting' and service_code = @serviceCode and @locationId = any(location_ids)
                             and @date between from_date and to_date)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql,
            new { serviceCode, locationId, date = date.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
    }

    /// <summary>Offers the held seat to the first person waiting who may have it, and queues their message.</summary>
    /// <returns>Whether someone was offered it (else the clinic-day releases the hold).</returns>
    public async Task<bool> OfferAsync(NewWaitingListOffer offer, DateTimeOffset now, int maxOffersPerSeatPerDay, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with candidate as (
                select e.id from waiting_list_entries e
                where e.status = 'waiting' and e.service_code = @ServiceCode and @LocationId = any(e.location_ids)
                  and @date between e.from_date and e.to_date
                  and (e.offered_until is null or e.offered_until <= @now)
                  and not exists (select 1 from waiting_list_offers o
                                  where o.entry_id = e.id and o.location_id = @LocationId and o.service_code = @ServiceCode and o.slot_start = @start)
                  and (select count(*) from waiting_list_offers o
                       where o.location_id = @LocationId and o.service_code = @ServiceCode and o.slot_start = @start
                         and o.created_at > @now - interval '1 day') < @maxOffersPerSeatPerDay
                order by e.position
                limit 1
                for update skip locked),
            claimed as (
                -- Re-checked on the row as it is now: two clinic-days offering at once never give one person two offers.
                update waiting_list_entries e set offered_until = @expires
                from candidate c where e.id = c.id and (e.offered_until is null or e.offered_until <= @now)
                returning e.id),
            offered as (
                insert into waiting_list_offers (id, entry_id, location_id, service_code, slot_start, slot_end, hold_id, expires_at, created_at)
                select @Id, id, @LocationId, @ServiceCode, @start, @end, @HoldId, @expires, @now from claimed
                returning id, entry_id),
            told as (
                insert into waiting_list_messages (id, entry_id, offer_id, kind)
                select gen_random_uuid(), entry_id, id, 'Offer' from offered)
            select count(*) from offered
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            offer.Id, offer.LocationId, offer.ServiceCode, date = offer.Date.ToDateTime(TimeOnly.MinValue), start = offer.SlotStart.UtcDateTime,
            end = offer.SlotEnd.UtcDateTime, offer.HoldId, expires = offer.ExpiresAt.UtcDateTime, now = now.UtcDateTime, maxOffersPerSeatPerDay,
        }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<StoredWaitingListOffer?> FindOfferAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select o.id, o.entry_id as entryId, o.location_id as locationId, o.service_code as serviceCode, o.slot_start as slotStart,
                   o.slot_end as slotEnd, o.hold_id as holdId, o.expires_at as expiresAt, o.status, e.language
            from waiting_list_offers o join waiting_list_entries e on e.id = o.entry_id where o.id = @offerId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OfferRow>(new CommandDefinition(sql, new { offerId }, cancellationToken: cancellationToken));
        return row is null ? null : new StoredWaitingListOffer(row.Id, row.EntryId, row.LocationId, row.ServiceCode, Utc(row.SlotStart), Utc(row.SlotEnd),
            row.HoldId, Utc(row.ExpiresAt), row.Status, row.Language);
    }

    /// <summary>The person booked the offered seat: the offer is taken and their place on the list ends.</summary>
    public async Task MarkAcceptedAsync(Guid offerId, string confirmationCode, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with accepted as (
                update waiting_list_offers set status = 'accepted', booking_id = (select id from bookings where confirmation_code = @confirmationCode)
                where id = @offerId and status = 'offered'
                returning entry_id)
            update waiting_list_entries e set status = 'booked', offered_until = null from accepted a where e.id = a.entry_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { offerId, confirmationCode }, cancellationToken: cancellationToken));
    }

    /// <summary>The person turned the seat down. They keep their place, and hold no other offer until this one would
    /// have run out (<c>offered_until</c> is left as it is): a declined seat is not followed at once by another.</summary>
    /// <returns>False when the offer was taken already (nothing changes).</returns>
    public async Task<bool> DeclineAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        const string sql = "update waiting_list_offers set status = 'declined' where id = @offerId and status in ('offered', 'declined')";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { offerId }, cancellationToken: cancellationToken)) == 1;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record OfferRow(Guid Id, Guid EntryId, Guid LocationId, string ServiceCode, DateTime SlotStart, DateTime SlotEnd, string HoldId,
        DateTime ExpiresAt, string Status, string Language);
}
