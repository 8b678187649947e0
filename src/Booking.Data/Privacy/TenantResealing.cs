using Booking.Data.Bookings;
using Booking.Data.Protection;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.Privacy;

/// <summary>
/// Seals a tenant's personal records again with its own data key where another key seals them: records sealed with the
/// platform's key before the tenant had one, and those of bookings moved to its clinics from another tenant's. Until
/// then, shredding the tenant would leave them readable and shredding the other tenant would lose them, so
/// <see cref="TenantShredding"/> refuses both. Batches of bounded transactions skip rows being changed (<c>skip
/// locked</c>); a record under the tenant's key is never touched again, so a run can stop and be run again. Each record
/// resealed leaves an access-log entry, as the platform's other system jobs do; only counts are reported.
/// </summary>
public sealed class TenantResealing(NpgsqlDataSource dataSource, PersonalDataProtector protector)
{
    public const int DefaultBatch = 200;
    public const string Actor = "system:reseal";

    /// <param name="program">Who asked, for the access log (the operator's tool, or the citizen site after a move).</param>
    /// <param name="bookingId">Only this booking's records (a booking just moved); null: every record of the tenant.</param>
    public async Task<TenantResealOutcome> ResealAsync(Guid tenantId, string program, Guid? bookingId = null, int batch = DefaultBatch,
        CancellationToken cancellationToken = default)
    {
        if (protector.TenantKeyId(tenantId) is not { } keyId)
            return new TenantResealOutcome.NoKey();
        var resealed = new Dictionary<string, long>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var holding in Holdings)
            resealed[holding.Name] = await ResealHoldingAsync(connection, holding, tenantId, keyId, program, bookingId, batch, cancellationToken);
        var left = await TenantSealedRows.ToResealAsync(connection, null, tenantId, protector.ShreddedKeyIds, cancellationToken);
        return new TenantResealOutcome.Resealed(resealed, left);
    }

    private async Task<long> ResealHoldingAsync(NpgsqlConnection connection, SealedHolding holding, Guid tenantId, string keyId, string program,
        Guid? bookingId, int batch, CancellationToken cancellationToken)
    {
        long total = 0, resealed;
        int read;
        do
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = (await connection.QueryAsync<SealedRow>(new CommandDefinition(holding.Select, new
            {
                tenant = tenantId, own = TenantDataKeys.KeyIdPattern(tenantId), shredded = protector.ShreddedKeyIds.ToArray(), booking = bookingId,
                batch,
            }, transaction, cancellationToken: cancellationToken))).ToList();
            read = rows.Count;
            var sealedAgain = rows.Select(r => protector.Reseal(new SealedData(r.Ciphertext, r.KeyId), holding.Purpose, keyId)).ToList();
            await using var command = new NpgsqlCommand(ResealStatement(holding), connection, transaction);
            command.Parameters.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
            command.Parameters.AddWithValue("read_key_ids", rows.Select(r => r.KeyId).ToArray());
            command.Parameters.Add(new NpgsqlParameter("ciphertexts", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
            {
                Value = sealedAgain.Select(s => s.Ciphertext).ToArray(),
            });
            command.Parameters.AddWithValue("key_ids", sealedAgain.Select(s => s.KeyId).ToArray());
            command.Parameters.AddWithValue("actor", Actor);
            command.Parameters.AddWithValue("program", program);
            resealed = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            await transaction.CommitAsync(cancellationToken);
            total += resealed;
        }
        // A batch none of which could be written (changed since it was read) is left to the next run rather than read again.
        while (read == batch && resealed > 0);
        return total;
    }

    private static string ResealStatement(SealedHolding holding) => $"""
        with n as (select * from unnest(@ids, @read_key_ids, @ciphertexts, @key_ids) as n(id, read_key_id, ciphertext, key_id)),
        resealed as ({holding.Update}),
        traced as (
            insert into personal_data_access_log (actor, access, table_name, record_id, program)
            select @actor, 'update', '{holding.Table}', record_id, @program from resealed)
        select count(*) from resealed
        """;

    /// <summary>A sealed record as read to be resealed: its id as text (a uuid, or a number for a change's note).</summary>
    private sealed class SealedRow
    {
        public string Id { get; init; } = "";
        public byte[] Ciphertext { get; init; } = [];
        public string KeyId { get; init; } = "";
    }

    /// <param name="Name">As <c>tenant_sealed_rows</c> names it.</param>
    /// <param name="Table">The table the access log names.</param>
    /// <param name="Select">The tenant's records under a key not its own (nor a destroyed one), a batch, locked.</param>
    /// <param name="Update">Writes the batch <c>n</c> back where the key read is still stored, returning the <c>record_id</c> logged.</param>
    private sealed record SealedHolding(string Name, string Table, string Purpose, string Select, string Update);

    /// <summary>The tenant's records under a key not its own, nor one destroyed (those went with their tenant).</summary>
    private static string Foreign(string keyColumn) => $"{keyColumn} not like @own and {keyColumn} <> all(@shredded)";

    /// <summary>A holding of a booking's, reached as <c>alias</c> in <paramref name="table"/> (joined to its booking <c>b</c>
    /// by <paramref name="toBooking"/>), whose tenant is the booking's clinic's.</summary>
    private static SealedHolding OfBooking(string name, string table, string alias, string toBooking, string purpose, string id, string ciphertext,
        string keyId) => new(name, table, purpose,
        $"""
         select {alias}.{id}::text as id, {alias}.{ciphertext} as ciphertext, {alias}.{keyId} as keyid
         from {table} {alias} {toBooking} join locations l on l.id = b.location_id
         where l.tenant_id = @tenant and {alias}.{keyId} is not null and {Foreign($"{alias}.{keyId}")}
           and (@booking::uuid is null or b.id = @booking)
         limit @batch for update of {alias} skip locked
         """,
        $"""
         update {table} {alias} set {ciphertext} = n.ciphertext, {keyId} = n.key_id
         from n where {alias}.{id} = n.id::uuid and {alias}.{keyId} = n.read_key_id
         returning {alias}.{id} as record_id
         """);

    private static readonly SealedHolding[] Holdings =
    [
        OfBooking("bookings", "bookings", "b", "", PersonalDataProtector.CitizenPurpose, "id", "citizen_ciphertext", "encryption_key_id"),
        OfBooking("booking_declarations", "booking_declarations", "d", "join bookings b on b.id = d.booking_id", BookingDeclarations.SealPurpose,
            "booking_id", "ciphertext", "encryption_key_id"),
        OfBooking("correction_requests", "correction_requests", "r", "join bookings b on b.id = r.booking_id", CorrectionRequest.SealPurpose,
            "id", "ciphertext", "encryption_key_id"),
        OfBooking("correction_request_answers", "correction_requests", "r", "join bookings b on b.id = r.booking_id", PrivacyAnswer.SealPurpose,
            "id", "answer_ciphertext", "answer_key_id"),
        OfBooking("access_requests", "access_requests", "r", "join bookings b on b.id = r.booking_id", AccessRequestNote.SealPurpose,
            "id", "ciphertext", "encryption_key_id"),
        OfBooking("access_request_answers", "access_requests", "r", "join bookings b on b.id = r.booking_id", PrivacyAnswer.SealPurpose,
            "id", "answer_ciphertext", "answer_key_id"),
        // An evidence table the application may not update (nor lock): the owner's function writes the notes back,
        // only where the key read is still stored.
        new("booking_change_audit", "booking_change_audit", StaffChangeAudit.NotePurpose,
            $"""
             select a.id::text as id, a.note_ciphertext as ciphertext, a.note_key_id as keyid
             from booking_change_audit a
             where a.tenant_id = @tenant and a.note_key_id is not null and {Foreign("a.note_key_id")}
               and (@booking::uuid is null or a.booking_id = @booking)
             order by a.id
             limit @batch
             """,
            """
            select record_id from reseal_booking_change_notes(@ids::bigint[], @read_key_ids, @ciphertexts, @key_ids) as record_id
            """),
    ];
}

/// <summary>What <see cref="TenantResealing.ResealAsync"/> did.</summary>
public abstract record TenantResealOutcome
{
    /// <param name="Counts">Records sealed again with the tenant's key, by <c>tenant_sealed_rows</c> name.</param>
    /// <param name="Left">What still waits: this tenant's records skipped while being changed (run again), and other
    /// tenants' records under this tenant's key (their own reseal moves them).</param>
    public sealed record Resealed(IReadOnlyDictionary<string, long> Counts, IReadOnlyList<SealedRowsToReseal> Left) : TenantResealOutcome;

    /// <summary>The tenant has no key of its own (never given one, or shredded): nothing can be sealed for it alone.</summary>
    public sealed record NoKey : TenantResealOutcome;
}
