using Npgsql;

namespace Booking.Data.Bookings;

/// <summary>Reads what staff changed: whether a form already acted.</summary>
public sealed class StaffChangeLog(NpgsqlDataSource dataSource)
{
    /// <summary>The booking a form with this key changed, if it did.</summary>
    public async Task<Guid?> BookingChangedByFormAsync(Guid formKey, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select booking_id from booking_change_audit where form_key = @key");
        command.Parameters.AddWithValue("key", formKey);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }
}
