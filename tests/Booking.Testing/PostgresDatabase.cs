using Xunit;
using Booking.Data.Demo;
using Booking.Data.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Booking.Testing;

/// <summary>
/// A fresh, migrated database on the PostgreSQL server that the test command started (connection string in
/// BOOKING_TEST_POSTGRES). Each fixture gets its own database, so test classes never see each other's rows.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string ServerVariable = "BOOKING_TEST_POSTGRES";

    private readonly string _name = $"booking_test_{Guid.NewGuid():N}";
    private readonly string _server = Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name, MaxPoolSize = 50 }.ConnectionString;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var server = NpgsqlDataSource.Create(_server))
        await using (var create = server.CreateCommand($"create database {_name}"))
            await create.ExecuteNonQueryAsync();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await new MigrationRunner(DataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        // The demo tenant hierarchy, with schedules starting today (Québec time).
        await new DemoSeed(DataSource).ApplyAsync(QuebecDate.Today);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var server = NpgsqlDataSource.Create(_server);
        await using var drop = server.CreateCommand($"drop database if exists {_name} with (force)");
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
