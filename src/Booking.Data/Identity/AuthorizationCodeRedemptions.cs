using Dapper;
using Npgsql;

namespace Booking.Data.Identity;

/// <summary>The authorization codes already exchanged (<c>redeemed_authorization_codes</c>): a code is good for one
/// exchange, on whichever staff host it is presented.</summary>
public sealed class AuthorizationCodeRedemptions(NpgsqlDataSource dataSource)
{
    /// <summary>Records the exchange of a code; false when it was exchanged before. Rows of codes that expired before
    /// <paramref name="now"/> are forgotten on the way: such codes are refused for their age.</summary>
    public async Task<bool> TryRedeemAsync(Guid codeId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with forgotten as (delete from redeemed_authorization_codes where expires_at < @now and code_id <> @codeId)
            insert into redeemed_authorization_codes (code_id, expires_at) values (@codeId, @expiresAt) on conflict (code_id) do nothing;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { codeId, expiresAt, now }, cancellationToken: cancellationToken)) == 1;
    }
}
