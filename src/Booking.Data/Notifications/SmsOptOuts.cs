using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>Phones that answered STOP, kept by keyed fingerprint only.</summary>
public sealed class SmsOptOuts(NpgsqlDataSource dataSource)
{
    public async Task OptOutAsync(byte[] phoneFingerprint, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("insert into sms_opt_outs (phone_fingerprint) values (@fingerprint) on conflict do nothing");
        command.Parameters.AddWithValue("fingerprint", phoneFingerprint);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task OptInAsync(byte[] phoneFingerprint, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("delete from sms_opt_outs where phone_fingerprint = @fingerprint");
        command.Parameters.AddWithValue("fingerprint", phoneFingerprint);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Which of these fingerprints opted out: one query for a whole batch of messages.</summary>
    public async Task<HashSet<string>> OptedOutAsync(IReadOnlyCollection<byte[]> phoneFingerprints, CancellationToken cancellationToken = default)
    {
        var optedOut = new HashSet<string>(StringComparer.Ordinal);
        if (phoneFingerprints.Count == 0)
            return optedOut;
        await using var command = dataSource.CreateCommand("select phone_fingerprint from sms_opt_outs where phone_fingerprint = any(@fingerprints)");
        command.Parameters.AddWithValue("fingerprints", phoneFingerprints.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            optedOut.Add(Convert.ToBase64String(reader.GetFieldValue<byte[]>(0)));
        return optedOut;
    }
}
