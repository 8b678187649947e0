using Booking.Data.Protection;
using Npgsql;

namespace Booking.Data.Bookings;

/// <summary>The sealed declarations of bookings (table <c>booking_declarations</c>), one per booking, written with
/// the booking itself (<see cref="BookingRepository.InsertAsync"/>).</summary>
public sealed class DeclarationRepository(NpgsqlDataSource dataSource)
{
    public async Task<SealedData?> FindAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select ciphertext, encryption_key_id from booking_declarations where booking_id = @booking");
        command.Parameters.AddWithValue("booking", bookingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SealedData(reader.GetFieldValue<byte[]>(0), reader.GetString(1)) : null;
    }
}
