using Booking.Data.Infrastructure;
using Npgsql;

namespace Booking.Silo.Tests;

/// <summary>The hosts' connections prepare their statements and skip Npgsql's reset between uses, unless the operator's
/// connection string says otherwise.</summary>
public class DataSourceSettingsTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_and_no_reset_between_uses()
    {
        using var dataSource = DataServiceCollectionExtensions.CreateDataSource("Host=127.0.0.1;Username=booking_app");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=8;No Reset On Close=false", 8)]
    [InlineData("Host=127.0.0.1;MaxAutoPrepare=8;NoResetOnClose=false", 8)]
    public void An_operator_s_settings_win(string connectionString, int maxAutoPrepare)
    {
        using var dataSource = DataServiceCollectionExtensions.CreateDataSource(connectionString);

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal(maxAutoPrepare, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }
}
