using Booking.Testing;
using Npgsql;

namespace Booking.Operations.Tests;

/// <summary>The test command's PostgreSQL is set up as the run command's (scripts/postgres.sh, pg_tls): TLS connections
/// only, and the clients check the server's certificate against the platform's authority and its name.</summary>
public sealed class DatabaseTlsTests
{
    private static readonly string[] TlsVersions = ["TLSv1.2", "TLSv1.3"];

    private static NpgsqlConnectionStringBuilder Application() =>
        new(Environment.GetEnvironmentVariable(PostgresDatabase.ApplicationVariable)
            ?? throw new InvalidOperationException("Run the tests with ./test.sh, which starts PostgreSQL."));

    [Fact]
    public async Task The_hosts_connect_over_tls_1_2_or_later_having_verified_the_server_s_certificate_and_name()
    {
        var settings = Application();
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select ssl, version from pg_stat_ssl where pid = pg_backend_pid()", connection);
        await using var row = await command.ExecuteReaderAsync();
        await row.ReadAsync();

        Assert.Equal(SslMode.VerifyFull, settings.SslMode);
        Assert.True(File.Exists(settings.RootCertificate), settings.RootCertificate);
        Assert.True(row.GetBoolean(0));
        Assert.Contains(row.GetString(1), TlsVersions);
    }

    [Fact]
    public async Task A_connection_without_tls_is_refused()
    {
        var settings = Application();
        settings.SslMode = SslMode.Disable;
        await using var connection = new NpgsqlConnection(settings.ConnectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.InvalidAuthorizationSpecification, refused.SqlState);
        Assert.Contains("no encryption", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_whose_certificate_another_authority_issued_is_not_believed()
    {
        using var stranger = new TestAuthority("Another authority");
        var settings = Application();
        settings.RootCertificate = stranger.AuthorityFile;
        await using var connection = new NpgsqlConnection(settings.ConnectionString);

        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.IsAssignableFrom<System.Security.Authentication.AuthenticationException>(refused.InnerException);
    }
}
