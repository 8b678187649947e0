using Booking.LoadTest.Faults;
using Npgsql;

namespace Booking.LoadTest;

/// <summary>The platform's database as given by --db, with the password filled in the way a developer expects after
/// <c>./run.sh</c>: the connection string's own, else PGPASSWORD, else the password file of the PostgreSQL that run.sh
/// runs with that state folder.</summary>
public static class DatabaseConnection
{
    public static NpgsqlConnectionStringBuilder Resolve(string connectionString, string stateDirectory)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--db is not a valid connection string: {e.Message}");
        }
        if (string.IsNullOrEmpty(builder.Password))
            builder.Password = Environment.GetEnvironmentVariable("PGPASSWORD") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : RunScriptPassword(builder.Username, stateDirectory);
        builder.ApplicationName ??= "Booking.LoadTest";
        return builder;
    }

    /// <summary>For printing: everything but the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var copy = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (!string.IsNullOrEmpty(copy.Password))
            copy.Password = "***";
        return copy.ConnectionString;
    }

    /// <summary>run.sh keeps each role's password beside its PostgreSQL's data folder, which its
    /// <c>platform.state</c> names (under the state folder, or under /var/lib when root cannot let PostgreSQL in there).</summary>
    private static string? RunScriptPassword(string? role, string stateDirectory)
    {
        if (string.IsNullOrEmpty(role) || PlatformState.Find(stateDirectory) is not { } platform)
            return null;
        var file = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(platform.PgData))!, role + ".password");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }
}
