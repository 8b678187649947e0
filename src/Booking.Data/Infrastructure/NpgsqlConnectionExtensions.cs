using Npgsql;

namespace Booking.Data.Infrastructure;

public static class NpgsqlConnectionExtensions
{
    /// <summary>Runs a statement with positional-free named parameters; values go through Npgsql's own type
    /// mapping (DateOnly, TimeOnly, arrays) rather than Dapper's; named apart from Dapper's ExecuteAsync so that a
    /// reader knows which mapping a call gets.</summary>
    public static async Task<int> ExecuteNpgsqlAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
