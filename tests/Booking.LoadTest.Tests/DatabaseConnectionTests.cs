using Booking.LoadTest;

namespace Booking.LoadTest.Tests;

/// <summary>The runner finds the database password of the platform that ./run.sh runs with a given state folder, as
/// that platform's <c>platform.state</c> describes it.</summary>
public sealed class DatabaseConnectionTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("loadtest-state-").FullName;
    private readonly string _postgres = Directory.CreateTempSubdirectory("loadtest-pg-").FullName;

    public DatabaseConnectionTests()
    {
        // PGPASSWORD comes before the file; a developer's shell may have it set. Nothing in this project needs it.
        Environment.SetEnvironmentVariable("PGPASSWORD", null);
        Directory.CreateDirectory(Path.Combine(_postgres, "data"));
        File.WriteAllText(Path.Combine(_postgres, "booking_owner.password"), "owner-secret\n");
        File.WriteAllText(Path.Combine(_state, "platform.state"),
            $"# as run.sh writes it\nsilos=1\nweb_hosts=1\npids={_state}/pids\npg_data={_postgres}/data\n");
    }

    public void Dispose()
    {
        Directory.Delete(_state, recursive: true);
        Directory.Delete(_postgres, recursive: true);
    }

    [Fact]
    public void Without_a_password_the_role_password_beside_the_platforms_data_folder_is_used()
    {

        var database = DatabaseConnection.Resolve("Host=127.0.0.1;Port=5433;Username=booking_owner;Database=booking", _state);

        Assert.Equal("owner-secret", database.Password);
    }

    [Fact]
    public void A_password_in_the_connection_string_is_kept()
    {
        var database = DatabaseConnection.Resolve("Host=127.0.0.1;Username=booking_owner;Password=given;Database=booking", _state);

        Assert.Equal("given", database.Password);
    }

    [Fact]
    public void A_state_folder_without_a_running_platform_gives_no_password()
    {
        File.Delete(Path.Combine(_state, "platform.state"));

        var database = DatabaseConnection.Resolve("Host=127.0.0.1;Username=booking_owner;Database=booking", _state);

        Assert.Null(database.Password);
    }
}
