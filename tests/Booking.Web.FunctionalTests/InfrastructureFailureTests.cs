using System.Net;
using Booking.Testing;
using Npgsql;

namespace Booking.Web.FunctionalTests;

/// <summary>While PostgreSQL refuses the platform's connections, every answer is a 503 the client can retry (a problem
/// with Retry-After on the API, a "try again" page on the site), never a 500. A platform of its own: the test cuts
/// its database off.</summary>
public sealed class InfrastructureFailureTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task While_the_database_refuses_connections_the_API_and_the_site_answer_503_with_Retry_After()
    {
        var api = new CitizenApi(platform.Http);
        var booked = await api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(8), 10));
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();

        await using (await DatabaseCutOff.StartAsync(platform.Database))
        {
            // A clinic-day not loaded yet: its grain reads the catalogue on the silo.
            var probe = $"{CitizenApi.Stade:N}.{QuebecDate.NextWeekday(9):yyyyMMdd}.FLU.{new string('0', 24)}";
            await AssertUnavailableProblem(await platform.Http.DeleteAsync($"/api/v1/holds/{probe}"));
            // The web host's own query (the manage link).
            await AssertUnavailableProblem(await api.Get(code, token));

            using var page = new HttpRequestMessage(HttpMethod.Get, $"/manage/{code}?token={Uri.EscapeDataString(token)}");
            page.Headers.Accept.ParseAdd("text/html");
            var answer = await platform.Http.SendAsync(page);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Service momentanément indisponible", await answer.Content.ReadAsStringAsync());
        }
    }

    private static async Task AssertUnavailableProblem(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/temporarily-unavailable", (await CitizenApi.Json(response))["type"]!.GetValue<string>());
    }

    /// <summary>The test database refuses new connections and its open ones are terminated, as when PostgreSQL fails
    /// over; disposing lets connections in again.</summary>
    private sealed class DatabaseCutOff(NpgsqlDataSource server, string database) : IAsyncDisposable
    {
        public static async Task<DatabaseCutOff> StartAsync(PostgresDatabase target)
        {
            var server = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable(PostgresDatabase.ServerVariable)!);
            var name = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database!;
            var cut = new DatabaseCutOff(server, name);
            await cut.RunAsync($"alter database {name} allow_connections false");
            await cut.RunAsync($"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{name}'");
            return cut;
        }

        public async ValueTask DisposeAsync()
        {
            await RunAsync($"alter database {database} allow_connections true");
            await server.DisposeAsync();
        }

        private async Task RunAsync(string sql)
        {
            await using var command = server.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }
    }
}
