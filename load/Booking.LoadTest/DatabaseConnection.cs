using Npgsql;

namespace Booking.LoadTest;

/// <summary>The platform's database as given by --db, with the password filled in the way a developer expects after
/// <c>./run.sh</c>: the connection string's own, else PGPASSWORD, else the password file run.sh created.</summary>
public static class DatabaseConnection
{
    public static NpgsqlConnectionStringBuilder Resolve(string connectionString)
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
                : RunScriptPassword(builder.Username);
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

    /// <summary>run.sh keeps each role's password in .local/postgres/&lt;role&gt;.password, or (root with a checkout the
    /// postgres user cannot enter) in /var/lib/booking-dev/&lt;first 12 hex of md5("&lt;checkout path&gt;\n")&gt;/&lt;role&gt;.password.</summary>
    private static string? RunScriptPassword(string? role)
    {
        if (string.IsNullOrEmpty(role))
            return null;
        var file = role + ".password";
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "run.sh")))
                continue;
            // Not security: the folder name run.sh derives with `md5sum`, so it must be MD5 to find it.
#pragma warning disable CA5351
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(dir.FullName + "\n")))[..12];
#pragma warning restore CA5351
            string[] files = [Path.Combine(dir.FullName, ".local", "postgres", file), Path.Combine("/var/lib/booking-dev", hash, file)];
            return files.Where(File.Exists).Select(f => File.ReadAllText(f).Trim()).FirstOrDefault();
        }
        return null;
    }
}
