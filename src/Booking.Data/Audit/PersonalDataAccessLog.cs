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

    /// <summary>The accesses to one record, oldest first: part of what a citizen is shown when they ask what we hold.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset OccurredAt, string Actor, string Access, string Table, string Program)>> OfRecordAsync(
        Guid recordId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select occurred_at, actor, access, table_name, program from personal_data_access_log
            where record_id = @record order by id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("record", recordId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accesses = new List<(DateTimeOffset, string, string, string, string)>();
        while (await reader.ReadAsync(cancellationToken))
            accesses.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return accesses;
    }

    /// <summary>One read of each record shown together (a clinic's day, a search's matches), in one statement.</summary>
    public async Task RecordReadsAsync(string actor, string table, IReadOnlyCollection<Guid> recordIds, string program, IPAddress? sourceIp,
        CancellationToken cancellationToken = default)
    {
        if (recordIds.Count == 0)
            return;
        const string sql = """
            insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
            select @actor, 'read', @table, record, @program, @ip from unnest(@records) as record
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("records", recordIds.ToArray());
        command.Parameters.AddWithValue("program", program);
        command.Parameters.Add(new NpgsqlParameter("ip", NpgsqlTypes.NpgsqlDbType.Inet) { Value = (object?)sourceIp ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
