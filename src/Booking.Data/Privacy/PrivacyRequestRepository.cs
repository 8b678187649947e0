using System.Net;
using Booking.Data.Protection;
using Npgsql;

namespace Booking.Data.Privacy;

/// <summary>A request of a booking as stored: its status, its content and answer still sealed, and how it reached the
/// organisation (an access request; null for a correction, filed online).</summary>
public sealed record SealedBookingRequest(PrivacyRequestStatus Status, SealedData Request, SealedData? Answer, string? Channel);

/// <summary>Correction requests and privacy complaints (Law 25), each stored sealed with the audit record of its creation;
/// and what is held of a booking's requests.</summary>
public sealed class PrivacyRequestRepository(NpgsqlDataSource dataSource)
{
    public const string Received = "received";

    public async Task<PrivacyRequestStatus> AddCorrectionAsync(Guid bookingId, SealedData request, string program, IPAddress? sourceIp,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            with inserted as (
                insert into correction_requests (id, booking_id, ciphertext, encryption_key_id)
                values (@id, @booking, @cipher, @key)
                returning id, status, received_at),
            traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
                select 'citizen:manage-link', 'create', 'correction_requests', id, @program, @ip from inserted)
            select id, status, received_at from inserted
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("booking", bookingId);
        return await InsertAsync(command, request, program, sourceIp, cancellationToken);
    }

    /// <param name="reference">What the citizen quotes when they write again (unique).</param>
    public async Task<PrivacyRequestStatus> AddComplaintAsync(string reference, SealedData complaint, string program, IPAddress? sourceIp,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            with inserted as (
                insert into privacy_complaints (id, reference, ciphertext, encryption_key_id)
                values (@id, @reference, @cipher, @key)
                returning id, status, received_at),
            traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
                select 'citizen:complaint', 'create', 'privacy_complaints', id, @program, @ip from inserted)
            select id, status, received_at from inserted
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("reference", reference);
        return await InsertAsync(command, complaint, program, sourceIp, cancellationToken);
    }

    /// <summary>The requests of a kind tied to a booking (<see cref="PrivacyRequestKind.OfBooking"/>), oldest first, with
    /// their answers, still sealed.</summary>
    public async Task<IReadOnlyList<SealedBookingRequest>> OfBookingAsync(string kind, Guid bookingId, CancellationToken cancellationToken = default)
    {
        if (!PrivacyRequestKind.OfBooking(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A complaint names no booking.");
        var channel = kind == PrivacyRequestKind.Access ? "channel" : "null::text";
        var sql = $"""
            select id, status, received_at, answered_at, answer_ciphertext, answer_key_id, ciphertext, encryption_key_id, {channel}
            from {PrivacyRequestKind.Table(kind)} where booking_id = @booking order by received_at, id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("booking", bookingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<SealedBookingRequest>();
        while (await reader.ReadAsync(cancellationToken))
            requests.Add(new SealedBookingRequest(new PrivacyRequestStatus(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)),
                new SealedData(reader.GetFieldValue<byte[]>(6), reader.GetString(7)),
                reader.IsDBNull(4) ? null : new SealedData(reader.GetFieldValue<byte[]>(4), reader.GetString(5)),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        return requests;
    }

    private static async Task<PrivacyRequestStatus> InsertAsync(NpgsqlCommand command, SealedData sealedData, string program, IPAddress? sourceIp,
        CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("cipher", sealedData.Ciphertext);
        command.Parameters.AddWithValue("key", sealedData.KeyId);
        command.Parameters.AddWithValue("program", program);
        command.Parameters.AddWithValue("ip", (object?)sourceIp ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PrivacyRequestStatus(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), null);
    }
}
