using System.Net;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.Reporting;

/// <summary>A row of a built partition: the tenant it belongs to (none for a complaint) and its values as a JSON array.</summary>
public sealed record StoredExtractRow(Guid? TenantId, string Values);

public sealed record ExtractPartition(string Dataset, DateOnly PartitionDate, DateTimeOffset BuiltAt, int RowCount);

public sealed record ExtractRun(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, DateOnly PartitionDate, string Outcome, string Detail);

public sealed record ExtractDownload(DateTimeOffset DownloadedAt, string Actor, string Dataset, DateOnly PartitionDate, string Format, int RowCount);

/// <summary>The built partitions, the job's runs and the downloads, on the primary (the job writes; the readers of
/// a partition read rows already built, not the booking tables).</summary>
public sealed class ExtractStore(NpgsqlDataSource dataSource)
{
    static ExtractStore() => SqlMapper.AddTypeHandler(new DateOnlyHandler());

    /// <summary>Replaces a partition whole, in one transaction: readers see the old rows or the new, never a mix. Two
    /// builders of the same partition take turns (a transaction lock on its name). The rows go in as arrays (raw
    /// Npgsql: Dapper has no array batch).</summary>
    public async Task SaveAsync(string dataset, DateOnly day, DateTimeOffset builtAt, IReadOnlyList<StoredExtractRow> rows,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            select pg_advisory_xact_lock(hashtext('extract:' || @dataset || ':' || @day::text));
            delete from extract_rows where dataset = @dataset and partition_date = @day;
            insert into extract_rows (dataset, partition_date, position, tenant_id, row_values)
            select @dataset, @day, r.position, r.tenant_id, r.row_values::jsonb
            from unnest(@positions, @tenants, @values) as r(position, tenant_id, row_values);
            insert into extract_partitions (dataset, partition_date, built_at, row_count)
            values (@dataset, @day, @built_at, cardinality(@positions))
            on conflict (dataset, partition_date) do update set built_at = excluded.built_at, row_count = excluded.row_count;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("dataset", dataset);
        command.Parameters.AddWithValue("day", day);
        command.Parameters.AddWithValue("built_at", builtAt.ToUniversalTime());
        command.Parameters.AddWithValue("positions", Enumerable.Range(0, rows.Count).ToArray());
        command.Parameters.Add(new NpgsqlParameter("tenants", NpgsqlDbType.Array | NpgsqlDbType.Uuid)
        { Value = rows.Select(r => (object?)r.TenantId ?? DBNull.Value).ToArray() });
        command.Parameters.AddWithValue("values", rows.Select(r => r.Values).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The rows of a partition that belong to <paramref name="tenantIds"/>, in their order; rows of no tenant
    /// only when <paramref name="withUntenanted"/>.</summary>
    public async Task<IReadOnlyList<string>> RowsAsync(string dataset, DateOnly day, IReadOnlyCollection<Guid> tenantIds, bool withUntenanted,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            select row_values::text from extract_rows
            where dataset = @dataset and partition_date = @day
              and (tenant_id = any(@tenants) or (@untenanted and tenant_id is null))
            order by position
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(sql,
            new { dataset, day, tenants = tenantIds.ToArray(), untenanted = withUntenanted }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Whether <paramref name="tenantIds"/> holds a top-level tenant: the readers rows of no tenant belong to.</summary>
    public async Task<bool> HoldsTopLevelTenantAsync(IReadOnlyCollection<Guid> tenantIds, CancellationToken cancellationToken = default)
    {
        const string sql = "select exists (select 1 from tenants where parent_id is null and id = any(@tenants))";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { tenants = tenantIds.ToArray() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ExtractPartition>> PartitionsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select dataset as Dataset, partition_date as PartitionDate, built_at as BuiltAt, row_count as RowCount
            from extract_partitions where partition_date between @from and @to
            order by partition_date desc, dataset
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<PartitionRow>(new CommandDefinition(sql, new { from, to }, cancellationToken: cancellationToken)))
            .Select(r => new ExtractPartition(r.Dataset, r.PartitionDate, Utc(r.BuiltAt), r.RowCount)).ToList();
    }

    /// <summary>The newest day whose every dataset (of <paramref name="datasets"/>) is built, if any.</summary>
    public async Task<DateOnly?> NewestCompleteDayAsync(IReadOnlyCollection<string> datasets, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select max(partition_date) from (
                select partition_date from extract_partitions where dataset = any(@datasets)
                group by partition_date having count(distinct dataset) = cardinality(@datasets)) complete
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(sql, new { datasets = datasets.ToArray() }, cancellationToken: cancellationToken));
    }

    public async Task RecordRunAsync(ExtractRun run, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into extract_runs (started_at, finished_at, partition_date, outcome, detail)
            values (@StartedAt, @FinishedAt, @PartitionDate, @Outcome, @Detail)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, run with { StartedAt = run.StartedAt.ToUniversalTime(), FinishedAt = run.FinishedAt.ToUniversalTime() },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ExtractRun>> RecentRunsAsync(int count, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select started_at as StartedAt, finished_at as FinishedAt, partition_date as PartitionDate, outcome as Outcome, detail as Detail
            from extract_runs order by finished_at desc, id desc limit @count
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RunRow>(new CommandDefinition(sql, new { count }, cancellationToken: cancellationToken)))
            .Select(r => new ExtractRun(Utc(r.StartedAt), Utc(r.FinishedAt), r.PartitionDate, r.Outcome, r.Detail)).ToList();
    }

    /// <summary>Logs one download: who (<c>staff:&lt;id&gt;</c> or <c>client:&lt;id&gt;</c>), what, over which tenants.</summary>
    public async Task RecordDownloadAsync(string actor, string dataset, DateOnly day, string format, IReadOnlyCollection<Guid> tenantIds, int rowCount,
        IPAddress? sourceIp, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into extract_downloads (actor, dataset, partition_date, format, tenant_ids, row_count, source_ip)
            values (@actor, @dataset, @day, @format, @tenants, @rowCount, @sourceIp)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("dataset", dataset);
        command.Parameters.AddWithValue("day", day);
        command.Parameters.AddWithValue("format", format);
        command.Parameters.AddWithValue("tenants", tenantIds.ToArray());
        command.Parameters.AddWithValue("rowCount", rowCount);
        command.Parameters.Add(new NpgsqlParameter("sourceIp", NpgsqlDbType.Inet) { Value = (object?)sourceIp ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ExtractDownload>> RecentDownloadsAsync(string actor, int count, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select downloaded_at as DownloadedAt, actor as Actor, dataset as Dataset, partition_date as PartitionDate, format as Format,
                   row_count as RowCount
            from extract_downloads where actor = @actor order by downloaded_at desc, id desc limit @count
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<DownloadRow>(new CommandDefinition(sql, new { actor, count }, cancellationToken: cancellationToken)))
            .Select(r => new ExtractDownload(Utc(r.DownloadedAt), r.Actor, r.Dataset, r.PartitionDate, r.Format, r.RowCount)).ToList();
    }

    /// <summary>Npgsql reads <c>timestamptz</c> as a UTC <see cref="DateTime"/>; Dapper maps constructors by exact type.</summary>
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record PartitionRow(string Dataset, DateOnly PartitionDate, DateTime BuiltAt, int RowCount);

    private sealed record RunRow(DateTime StartedAt, DateTime FinishedAt, DateOnly PartitionDate, string Outcome, string Detail);

    private sealed record DownloadRow(DateTime DownloadedAt, string Actor, string Dataset, DateOnly PartitionDate, string Format, int RowCount);

    /// <summary>Dapper has no <see cref="DateOnly"/> mapping of its own; Npgsql reads and writes it natively.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(System.Data.IDbDataParameter parameter, DateOnly value) => parameter.Value = value;

        public override DateOnly Parse(object value) => value is DateTime dateTime ? DateOnly.FromDateTime(dateTime) : (DateOnly)value;
    }
}
