using Npgsql;

namespace Booking.Data.Reporting;

/// <summary>The connection the ministry's extracts read through (<c>ConnectionStrings:BookingReporting</c>): a read
/// replica in production, so that building an extract never takes a connection or a lock from the booking path; the
/// primary when none is configured (development and tests).</summary>
public sealed class ReportingDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public const string ConnectionStringName = "BookingReporting";

    public NpgsqlDataSource DataSource => dataSource;

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
