using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Booking.Data.Infrastructure;

/// <summary>Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order, each once, each in its own
/// transaction, then the application role's grants. It connects as the schema's owner (<c>ConnectionStrings:BookingMigrations</c>),
/// never as the hosts' role. A session advisory lock lets several callers run it at once without racing.</summary>
public sealed class MigrationRunner(string ownerConnectionString, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x_B00C_1A6;
    private const string ResourcePrefix = "Booking.Data.Migrations.";

    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteNpgsqlAsync("select pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        try
        {
            await connection.ExecuteNpgsqlAsync("""
                create table if not exists schema_migrations (
                    version     text primary key,
                    applied_at  timestamptz not null default now())
                """, cancellationToken);
            var applied = await AppliedVersions(connection, cancellationToken);
            var newlyApplied = new List<string>();
            foreach (var (version, sql) in Scripts().Where(s => !applied.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteNpgsqlAsync(sql, cancellationToken);
                await connection.ExecuteNpgsqlAsync("insert into schema_migrations (version) values (@version)", cancellationToken, ("version", version));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version}", version);
                newlyApplied.Add(version);
            }
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await connection.ExecuteNpgsqlAsync(ApplicationRoleGrants.Sql, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            return newlyApplied;
        }
        finally
        {
            await connection.ExecuteNpgsqlAsync("select pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    public static IReadOnlyList<(string Version, string Sql)> Scripts()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[ResourcePrefix.Length..^".sql".Length], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    private static async Task<HashSet<string>> AppliedVersions(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            versions.Add(reader.GetString(0));
        return versions;
    }
}
