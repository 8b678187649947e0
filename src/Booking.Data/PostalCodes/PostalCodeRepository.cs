using Booking.Domain.Catalog;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.PostalCodes;

/// <summary>The <c>postal_codes</c> reference table: FSA centroids (seed) and, after an import, full postal codes.</summary>
public sealed class PostalCodeRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Rows per statement: a full Canadian file (800 000+ codes) is ~170 round trips, and one statement
    /// stays small (a few hundred kilobytes of parameters).</summary>
    public const int BatchSize = 5_000;

    /// <inheritdoc cref="UpsertAsync(IAsyncEnumerable{PostalCodeCentroid}, CancellationToken)"/>
    public Task<int> UpsertAsync(IEnumerable<PostalCodeCentroid> centroids, CancellationToken cancellationToken = default) =>
        UpsertAsync(centroids.ToAsyncEnumerable(), cancellationToken);

    /// <summary>
    /// Inserts or updates every row, <see cref="BatchSize"/> per statement, all in one transaction: a failed or
    /// cancelled import leaves the table as it was. A code repeated within a batch keeps its last occurrence (and
    /// across batches the later batch wins). Returns the number of rows written (inserted or updated).
    /// </summary>
    public async Task<int> UpsertAsync(IAsyncEnumerable<PostalCodeCentroid> centroids, CancellationToken cancellationToken = default)
    {
        // distinct on: ON CONFLICT DO UPDATE refuses to touch one row twice in a statement, so a code repeated
        // within a batch keeps only its last occurrence (highest ordinality).
        const string sql = """
            insert into postal_codes (code, latitude, longitude, place_name)
            select distinct on (r.code) r.code, r.latitude, r.longitude, r.place_name
            from unnest(@codes, @latitudes, @longitudes, @place_names) with ordinality as r(code, latitude, longitude, place_name, n)
            order by r.code, r.n desc
            on conflict (code) do update
                set latitude = excluded.latitude, longitude = excluded.longitude, place_name = excluded.place_name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var codes = command.Parameters.Add(new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text));
        var latitudes = command.Parameters.Add(new NpgsqlParameter("latitudes", NpgsqlDbType.Array | NpgsqlDbType.Double));
        var longitudes = command.Parameters.Add(new NpgsqlParameter("longitudes", NpgsqlDbType.Array | NpgsqlDbType.Double));
        var placeNames = command.Parameters.Add(new NpgsqlParameter("place_names", NpgsqlDbType.Array | NpgsqlDbType.Text));

        var buffer = new List<PostalCodeCentroid>(BatchSize);
        var written = 0;
        async Task Flush()
        {
            codes.Value = buffer.Select(c => c.Code).ToArray();
            latitudes.Value = buffer.Select(c => c.Latitude).ToArray();
            longitudes.Value = buffer.Select(c => c.Longitude).ToArray();
            placeNames.Value = buffer.Select(c => c.PlaceName).ToArray();
            written += await command.ExecuteNonQueryAsync(cancellationToken);
            buffer.Clear();
        }

        await foreach (var centroid in centroids.WithCancellation(cancellationToken))
        {
            buffer.Add(centroid);
            if (buffer.Count == BatchSize)
                await Flush();
        }
        if (buffer.Count > 0)
            await Flush();
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>Where <paramref name="code"/> is: its own row when a full file was imported, else its FSA's row;
    /// null when neither is known.</summary>
    public async Task<PostalCodeCentroid?> FindAsync(PostalCode code, CancellationToken cancellationToken = default)
    {
        // Both candidates are primary-key look-ups; the longer (full) code wins when both exist.
        const string sql = """
            select code, latitude, longitude, place_name as placename
            from postal_codes
            where code = @code or code = @fsa
            order by length(code) desc
            limit 1
            """;
        if (code.Value.Length == 0)
            throw new ArgumentException("default(PostalCode) is not a postal code.", nameof(code));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PostalCodeCentroid>(
            new CommandDefinition(sql, new { code = code.Value, fsa = code.Fsa }, cancellationToken: cancellationToken));
    }
}
