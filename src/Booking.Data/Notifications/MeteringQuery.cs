using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>Messages handed to a provider in one month (Québec time) for one tenant, category and channel.</summary>
public sealed record MeteringLine(Guid TenantId, string TenantName, string Month, string Category, string Channel, long Messages);

/// <summary>The monthly counts the ministry bills from: bulk sends are billed apart from transactional ones.</summary>
public sealed class MeteringQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<MeteringLine>> ForMonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select m.tenant_id, t.name, m.month, m.category, m.channel, m.messages
            from notification_metering m join tenants t on t.id = m.tenant_id
            where m.month = @month
            order by t.name, m.category, m.channel
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("month", $"{year:D4}-{month:D2}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<MeteringLine>();
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new MeteringLine(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
        return lines;
    }
}
