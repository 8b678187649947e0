using Booking.Data.Demo;
using Booking.Data.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Booking.Testing;

/// <summary>
/// A fresh, migrated database on the PostgreSQL server that the test command started. Each fixture gets its own
/// database, so test classes never see each other's rows. As in production, the bootstrap superuser only creates and
/// drops it, the owner role migrates it, and everything else (fixtures, hosts, tests) connects as the application role.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string ServerVariable = "BOOKING_TEST_POSTGRES";
    public const string OwnerVariable = "BOOKING_TEST_POSTGRES_OWNER";
    public const string ApplicationVariable = "BOOKING_TEST_POSTGRES_APP";

    private readonly string _name = $"booking_test_{Guid.NewGuid():N}";
    private readonly string _server = Variable(ServerVariable);
    private readonly string _owner = Variable(OwnerVariable);
    private readonly string _application = Variable(ApplicationVariable);

    /// <summary>The application role's connection, the one every host is given.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_application) { Database = _name, MaxPoolSize = 50 }.ConnectionString;

    /// <summary>The schema owner's connection, for migrations only.</summary>
    public string MigrationsConnectionString => new NpgsqlConnectionStringBuilder(_owner) { Database = _name }.ConnectionString;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var server = NpgsqlDataSource.Create(_server))
        await using (var create = server.CreateCommand($"create database {_name} owner {new NpgsqlConnectionStringBuilder(_owner).Username}"))
            await create.ExecuteNonQueryAsync();
        await new MigrationRunner(MigrationsConnectionString, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
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

    private static string Variable(string name) => Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
}
