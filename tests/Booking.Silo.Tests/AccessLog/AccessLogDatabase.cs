using Booking.Data.Audit;
using Booking.Testing;
using Npgsql;

namespace Booking.Silo.Tests.AccessLog;

/// <summary>A database of its own for each access-log test (a test that breaks the chain must not break another's),
/// with the application role's classes and the owner's connection for what only a DBA could do.</summary>
public sealed class AccessLogDatabase : IAsyncDisposable
{
    private readonly PostgresDatabase _database = new();

    private AccessLogDatabase()
    {
    }

    public PostgresDatabase Database => _database;
    public AccessLogChain Chain { get; private set; } = null!;
    public AccessLogRetention Retention { get; private set; } = null!;
    public AccessLogVerifier Verifier { get; private set; } = null!;

    public static async Task<AccessLogDatabase> CreateAsync()
    {
        var created = new AccessLogDatabase();
        await created._database.InitializeAsync();
        created.Chain = new AccessLogChain(created._database.DataSource);
        created.Retention = new AccessLogRetention(created._database.DataSource);
        created.Verifier = new AccessLogVerifier(created._database.DataSource);
        return created;
    }

    /// <summary>Accesses recorded as the hosts record them (application role, the database's time).</summary>
    public async Task RecordAsync(int count, string actor = "staff:test")
    {
        var log = new PersonalDataAccessLog(_database.DataSource);
        for (var i = 0; i < count; i++)
            await log.RecordAsync(new PersonalDataAccessRecord(actor, PersonalDataAccess.Read, "bookings", Guid.NewGuid(), "AccessLogTests", null));
    }

    /// <summary>Seals until nothing is left to seal.</summary>
    public async Task<long> SealAllAsync()
    {
        long total = 0, sealedNow;
        while ((sealedNow = await Chain.SealAsync()) > 0)
            total += sealedNow;
        return total;
    }

    public async Task<int> AsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.MigrationsConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public Task<long> CountAsync(string where = "true") => _database.ScalarAsync<long>($"select count(*) from personal_data_access_log where {where}");

    /// <summary>Rows no seal lists yet.</summary>
    public Task<long> UnsealedAsync() => CountAsync("""
        not exists (select from personal_data_access_log_seals s where personal_data_access_log.id = any(s.row_ids))
        """);

    /// <summary>The log row sealed at a place of the chain.</summary>
    public Task<long> RowAtAsync(long position) => _database.ScalarAsync<long>($"""
        select s.row_ids[{position} - s.first_position + 1] from personal_data_access_log_seals s
        where {position} between s.first_position and s.first_position + cardinality(s.row_ids) - 1
        """);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();
}
