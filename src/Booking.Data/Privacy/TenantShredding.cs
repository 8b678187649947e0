using System.Text.Json;
using Booking.Data.Protection;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Booking.Data.Privacy;

/// <summary>
/// Crypto-shredding of a tenant that leaves: its data keys are removed from the key file, so every record sealed with
/// them (its bookings' citizen details and declarations, correction and access requests and their answers, staff
/// notes) can never be read again, and the destruction is recorded as the contracts require (what, when, by whom, why, how). Other
/// tenants' data and the platform's keys are untouched. It is refused while the tenant's records and its keys disagree
/// (see <see cref="TenantShredOutcome.NotResealed"/>), so what it reports as shredded is. Key backups made before still
/// hold the keys until they age out (docs/operations.md).
/// </summary>
public sealed class TenantShredding(NpgsqlDataSource dataSource, IOptions<ProtectionOptions> options, TimeProvider clock)
{
    public const string Method = "AES-256-GCM key destruction";

    public async Task<TenantShredOutcome> ShredAsync(Guid tenantId, string destroyedBy, string reason, CancellationToken cancellationToken = default)
    {
        var path = options.Value.KeyFile;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tenantName = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select name from tenants where id = @tenantId", new { tenantId }, cancellationToken: cancellationToken));
        if (tenantName is null)
            return new TenantShredOutcome.UnknownTenant();
        if (await RecordOfAsync(connection, tenantId, cancellationToken) is { } done)
            return new TenantShredOutcome.AlreadyShredded(done);
        // Keys destroyed by a run whose record did not commit are recorded now (see below).
        var ring = KeyRing.Load(path);
        var destroyedBefore = TenantDataKeys.DestroyedOf(path, tenantId);
        var keyIds = ring.EncryptionKeys.Keys.Where(id => TenantDataKeys.TenantOf(id) == tenantId)
            .Concat(destroyedBefore).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (keyIds.Length == 0)
            return new TenantShredOutcome.NoKey();
        // Once keys are gone nothing can be resealed: the interrupted run is recorded as it stands.
        if (destroyedBefore.Count == 0
            && await TenantSealedRows.ToResealAsync(connection, null, tenantId, ring.DestroyedKeyIds, cancellationToken) is { Count: > 0 } toReseal)
            return new TenantShredOutcome.NotResealed(toReseal);

        const string countsSql = """
            select table_name, count(*) as rows from tenant_sealed_rows where key_id = any(@keyIds) group by table_name
            """;
        const string readableSql = """
            select count(*)::int from tenant_sealed_rows
            where table_name = 'bookings' and tenant_id = @tenantId and key_id <> all(@keyIds)
            """;
        const string insertSql = """
            insert into tenant_key_destructions (tenant_id, tenant_name, key_ids, unreadable_rows, readable_bookings_left, method,
                destroyed_by, reason, destroyed_at)
            values (@tenantId, @tenantName, @keyIds, @unreadableRows::jsonb, @readableBookingsLeft, @method, @destroyedBy, @reason, @destroyedAt)
            """;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(string Table, long Rows)>(new CommandDefinition(countsSql, new { keyIds }, transaction,
            cancellationToken: cancellationToken))).ToDictionary(c => c.Table, c => c.Rows);
        var readableBookingsLeft = await connection.ExecuteScalarAsync<int>(new CommandDefinition(readableSql, new { tenantId, keyIds }, transaction,
            cancellationToken: cancellationToken));
        var record = new TenantKeyDestruction(tenantId, tenantName, keyIds, counts, readableBookingsLeft, Method, destroyedBy, reason, clock.GetUtcNow());
        await connection.ExecuteAsync(new CommandDefinition(insertSql, new
        {
            tenantId, tenantName, keyIds, unreadableRows = JsonSerializer.Serialize(counts), readableBookingsLeft, method = Method,
            destroyedBy, reason, destroyedAt = record.DestroyedAt,
        }, transaction, cancellationToken: cancellationToken));
        // The keys go once their record is written but before it commits: should the commit fail, the keys are gone all
        // the same (the file lists their ids as destroyed), and running the command again records them.
        TenantDataKeys.Destroy(path, tenantId);
        await transaction.CommitAsync(cancellationToken);
        return new TenantShredOutcome.Shredded(record);
    }

    /// <summary>Onboarding's half of shredding: every tenant in the database that has no data key gets one in the key file,
    /// so its data can be shredded alone later (a tenant without one seals under the platform's key).</summary>
    public async Task<TenantKeysAdded> AddMissingKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tenantIds = await connection.QueryAsync<Guid>(new CommandDefinition("select id from tenants order by created_at, id",
            cancellationToken: cancellationToken));
        return TenantDataKeys.AddMissing(options.Value.KeyFile, tenantIds);
    }

    /// <summary>Every tenant whose data keys were destroyed, newest first: the platform operator's proof for the contracts.</summary>
    public async Task<IReadOnlyList<TenantKeyDestruction>> RecordsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition(SelectSql + " order by destroyed_at desc, id desc",
            cancellationToken: cancellationToken))).Select(r => r.ToRecord()).ToList();
    }

    private const string SelectSql = """
        select tenant_id as tenantid, tenant_name as tenantname, key_ids as keyids, unreadable_rows::text as unreadablerows,
               readable_bookings_left as readablebookingsleft, method, destroyed_by as destroyedby, reason, destroyed_at as destroyedat
        from tenant_key_destructions
        """;

    private static async Task<TenantKeyDestruction?> RecordOfAsync(NpgsqlConnection connection, Guid tenantId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(SelectSql + " where tenant_id = @tenantId", new { tenantId },
            cancellationToken: cancellationToken)))?.ToRecord();

    // A class, not a positional record: Dapper matches a constructor by the reader's column types, and Npgsql reports a
    // text[] column as System.Array.
    private sealed class Row
    {
        public Guid TenantId { get; init; }
        public string TenantName { get; init; } = "";
        public string[] KeyIds { get; init; } = [];
        public string UnreadableRows { get; init; } = "";
        public int ReadableBookingsLeft { get; init; }
        public string Method { get; init; } = "";
        public string DestroyedBy { get; init; } = "";
        public string Reason { get; init; } = "";
        public DateTime DestroyedAt { get; init; }

        public TenantKeyDestruction ToRecord() => new(TenantId, TenantName, KeyIds,
            JsonSerializer.Deserialize<Dictionary<string, long>>(UnreadableRows)!, ReadableBookingsLeft, Method, DestroyedBy, Reason,
            new DateTimeOffset(DateTime.SpecifyKind(DestroyedAt, DateTimeKind.Utc)));
    }
}

/// <summary>The proof of one tenant's crypto-shredding: key ids and counts only, never a key or a person.</summary>
/// <param name="UnreadableRows">Rows of each table sealed with the destroyed keys, so unreadable from then on.</param>
/// <param name="ReadableBookingsLeft">The tenant's bookings under another key, so not shredded: none since shredding waits
/// for them to be resealed, unless an interrupted run's keys were already gone.</param>
public sealed record TenantKeyDestruction(Guid TenantId, string TenantName, IReadOnlyList<string> KeyIds, IReadOnlyDictionary<string, long> UnreadableRows,
    int ReadableBookingsLeft, string Method, string DestroyedBy, string Reason, DateTimeOffset DestroyedAt);

/// <summary>What <see cref="TenantShredding.ShredAsync"/> did.</summary>
public abstract record TenantShredOutcome
{
    public sealed record Shredded(TenantKeyDestruction Record) : TenantShredOutcome;

    /// <summary>Shredded before: nothing is done again; the earlier record stands.</summary>
    public sealed record AlreadyShredded(TenantKeyDestruction Record) : TenantShredOutcome;

    public sealed record UnknownTenant : TenantShredOutcome;

    /// <summary>Refused, nothing destroyed: records of the tenant are under another key (sealed before it had one, or
    /// moved to it), which destroying its keys would leave readable, or other tenants' records are under its keys (moved
    /// away), which it would take with it. Resealing each tenant named first (<see cref="TenantResealing"/>) clears it.</summary>
    public sealed record NotResealed(IReadOnlyList<SealedRowsToReseal> Rows) : TenantShredOutcome;

    /// <summary>The tenant was never given a key (<c>Booking.Tool tenant-keys</c>): its data is under the platform's key,
    /// which no tenant's departure may destroy.</summary>
    public sealed record NoKey : TenantShredOutcome;
}
