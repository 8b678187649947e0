using System.Net;
using Npgsql;

namespace Booking.Data.Audit;

public enum PersonalDataAccess { Create, Read, Update, Delete }

/// <summary>One access to a person's record, as the ministry's audit directive asks: user, table, record, access
/// type, program, UTC time (set by the database) and source address.</summary>
public sealed record PersonalDataAccessRecord(string Actor, PersonalDataAccess Access, string Table, Guid RecordId, string Program, IPAddress? SourceIp);

public sealed class PersonalDataAccessLog(NpgsqlDataSource dataSource)
{
    /// <summary>The actor recorded for a citizen acting through their own manage link.</summary>
    public const string CitizenActor = "citizen:manage-link";

    public async Task RecordAsync(PersonalDataAccessRecord record, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
            values (@actor, @access, @table, @record, @program, @ip)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("actor", record.Actor);
        command.Parameters.AddWithValue("access", record.Access.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("table", record.Table);
        command.Parameters.AddWithValue("record", record.RecordId);
        command.Parameters.AddWithValue("program", record.Program);
        command.Parameters.AddWithValue("ip", (object?)record.SourceIp ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
