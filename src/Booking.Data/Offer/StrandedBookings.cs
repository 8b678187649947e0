using Npgsql;

namespace Booking.Data.Offer;

/// <summary>A booking a schedule change would leave without a seat, as the staff member refused the change is told:
/// its code, service and time, nothing about the person (null code: still being confirmed).</summary>
public sealed record StrandedBooking(string? ConfirmationCode, string ServiceCode, DateTimeOffset Start);

public sealed class StrandedBookings(NpgsqlDataSource dataSource)
{
    /// <summary>The live bookings among <paramref name="bookingIds"/> at one clinic; ids not found yet are being confirmed.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> CodesAsync(Guid locationId, IReadOnlyCollection<Guid> bookingIds,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id, confirmation_code from bookings
            where id = any(@ids) and location_id = @location and status = 'confirmed'
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("ids", bookingIds.ToArray());
        command.Parameters.AddWithValue("location", locationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new Dictionary<Guid, string>();
        while (await reader.ReadAsync(cancellationToken))
            codes[reader.GetGuid(0)] = reader.GetString(1);
        return codes;
    }
}
