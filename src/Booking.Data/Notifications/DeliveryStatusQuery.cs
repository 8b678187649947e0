using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>One message of a booking as staff see it: what was sent, how, and what became of it.</summary>
public sealed record MessageDelivery(
    Guid Id,
    string Kind,
    string Category,
    string? Channel,
    string Status,
    int Attempts,
    string? LastError,
    Guid? FallbackOf,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset UpdatedAt);

/// <summary>Delivery status per booking, for staff (the admin site that shows it is a later issue) and the dev inbox.</summary>
public sealed class DeliveryStatusQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<MessageDelivery>> ForBookingAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id, kind, category, channel, status, attempts, last_error, fallback_of, created_at, sent_at, delivered_at, updated_at
            from notifications where booking_id = @booking order by created_at, id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("booking", bookingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<MessageDelivery>();
        while (await reader.ReadAsync(cancellationToken))
            messages.Add(new MessageDelivery(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11)));
        return messages;
    }
}
