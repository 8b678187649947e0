using System.Net;
using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>One attempt as logged (<c>staff_sign_in_log</c>), its step and outcome by code.</summary>
public sealed record SignInLogRow
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid? UserId { get; init; }
    public string? DisplayName { get; init; }
    public string AttemptedName { get; init; } = "";
    public IPAddress? SourceIp { get; init; }
    public string Step { get; init; } = "";
    public string Outcome { get; init; } = "";
}

/// <summary>Every staff sign-in attempt, and the page of it a tenant's administrators read: the attempts on the
/// accounts of the tenants the grantee reaches (<see cref="StaffScopeSql"/>), newest first.</summary>
public sealed class SignInLogRepository(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(Guid? userId, string attemptedName, IPAddress? sourceIp, string step, string outcome, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into staff_sign_in_log (user_id, attempted_name, source_ip, step, outcome)
            values (@userId, @attemptedName, @sourceIp, @step, @outcome)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, attemptedName, sourceIp, step, outcome }, cancellationToken: cancellationToken));
    }

    /// <summary>Up to <paramref name="size"/> attempts, older than entry <paramref name="before"/> when given (the
    /// next page), newest first.</summary>
    public async Task<IReadOnlyList<SignInLogRow>> PageAsync(StaffGrantee viewer, long? before, int size, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Tenants("visible")}
            select g.id, g.occurred_at, g.user_id, u.display_name, g.attempted_name, g.source_ip, g.step, g.outcome
            from staff_sign_in_log g join staff_users u on u.id = g.user_id
            where u.tenant_id in (select id from visible) and (@before::bigint is null or g.id < @before)
            order by g.id desc
            limit @size
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SignInLogRow>(new CommandDefinition(sql, StaffScopeSql.Parameters(viewer, new { before, size }),
            cancellationToken: cancellationToken))).ToList();
    }
}
