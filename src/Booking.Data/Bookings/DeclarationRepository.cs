using Booking.Data.Protection;
using Npgsql;

namespace Booking.Data.Bookings;

/// <summary>The sealed declarations of bookings (table <c>booking_declarations</c>), one per booking.</summary>
public sealed class DeclarationRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Stores a booking's declarations with the audit record of their creation. A retried confirmation keeps
    /// the first ones (written once the booking committed, so a retry after a crash in between writes them).</summary>
    public async Task SaveAsync(Guid bookingId, SealedData declarations, string program, System.Net.IPAddress? sourceIp, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with inserted as (
                insert into booking_declarations (booking_id, ciphertext, encryption_key_id)
                values (@booking, @cipher, @key)
                on conflict (booking_id) do nothing
                returning booking_id)
            insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
            select 'citizen:booking', 'create', 'booking_declarations', booking_id, @program, @ip from inserted
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("booking", bookingId);
        command.Parameters.AddWithValue("cipher", declarations.Ciphertext);
        command.Parameters.AddWithValue("key", declarations.KeyId);
        command.Parameters.AddWithValue("program", program);
        command.Parameters.AddWithValue("ip", (object?)sourceIp ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SealedData?> FindAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select ciphertext, encryption_key_id from booking_declarations where booking_id = @booking");
        command.Parameters.AddWithValue("booking", bookingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SealedData(reader.GetFieldValue<byte[]>(0), reader.GetString(1)) : null;
    }
}
