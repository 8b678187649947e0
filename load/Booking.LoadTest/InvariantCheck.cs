using Booking.Data.Audit;
using Booking.Data.Catalog;
using Npgsql;

namespace Booking.LoadTest;

/// <summary>What must be true after any load, whatever the latencies: no slot holds more confirmed bookings than its
/// capacity, and every booking the platform acknowledged (a 201 with a confirmation code) is a live row in PostgreSQL.</summary>
public sealed record InvariantResult(InventoryAuditReport Audit, int Acknowledged, IReadOnlyList<string> Missing)
{
    public bool Holds => Audit.OverCapacity.Count == 0 && Missing.Count == 0;
}

public static class InvariantCheck
{
    public static async Task<InvariantResult> RunAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<string> acknowledgedCodes, CancellationToken cancellationToken)
    {
        // The lead's audit: capacity from the schedule templates through the grains' own slot generator.
        var audit = new InventoryAudit(dataSource, new CatalogRepository(dataSource));
        var report = await audit.RunAsync(cancellationToken);
        var missing = await audit.MissingAsync(acknowledgedCodes, cancellationToken);
        return new InvariantResult(report, acknowledgedCodes.Count, missing);
    }
}
