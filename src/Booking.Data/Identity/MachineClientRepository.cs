using System.Net;
using Dapper;
using Npgsql;

namespace Booking.Data.Identity;

/// <summary>A machine client as the identity server and the platform operator see it: never its secret.</summary>
public sealed record MachineClient(Guid Id, string ClientId, string DisplayName, Guid TenantId, string TenantName, string[] Scopes,
    DateTimeOffset CreatedAt, DateTimeOffset SecretRotatedAt, DateTimeOffset? RevokedAt, int Version)
{
    public bool IsRevoked => RevokedAt is not null;
}

public sealed record MachineClientAuditEntry(DateTimeOffset OccurredAt, string Action, string StaffEmail, string Detail);

/// <summary>Machine clients and their audit: each change and its audit row in one statement.</summary>
public sealed class MachineClientRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        c.id as Id, c.client_id as ClientId, c.display_name as DisplayName, c.tenant_id as TenantId, t.name as TenantName, c.scopes as Scopes,
        c.created_at as CreatedAt, c.secret_rotated_at as SecretRotatedAt, c.revoked_at as RevokedAt, c.version as Version
        """;

    public async Task CreateAsync(Guid id, string clientId, string displayName, Guid tenantId, string[] scopes, byte[] secretHash,
        Guid staffUserId, IPAddress? sourceIp, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with created as (
                insert into machine_clients (id, client_id, display_name, tenant_id, scopes, secret_hash, created_at, secret_rotated_at)
                values (@id, @clientId, @displayName, @tenantId, @scopes, @secretHash, @now, @now) returning id)
            insert into machine_client_audit (machine_client_id, occurred_at, staff_user_id, source_ip, action, detail)
            select id, @now, @staffUserId, @sourceIp, 'created', @detail from created
            """;
        await using var command = dataSource.CreateCommand(sql);
        var p = command.Parameters;
        p.AddWithValue("id", id);
        p.AddWithValue("clientId", clientId);
        p.AddWithValue("displayName", displayName);
        p.AddWithValue("tenantId", tenantId);
        p.AddWithValue("scopes", scopes);
        p.AddWithValue("secretHash", secretHash);
        p.AddWithValue("detail", string.Join(' ', scopes));
        AddActor(p, staffUserId, sourceIp, now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces the secret of a live client at <paramref name="expectedVersion"/>; false when it changed or was revoked.</summary>
    public Task<bool> RotateAsync(Guid id, int expectedVersion, byte[] secretHash, Guid staffUserId, IPAddress? sourceIp, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        ChangeAsync("secret_hash = @secretHash, secret_rotated_at = @now", "rotated", id, expectedVersion, staffUserId, sourceIp, now,
            p => p.AddWithValue("secretHash", secretHash), cancellationToken);

    public Task<bool> RevokeAsync(Guid id, int expectedVersion, Guid staffUserId, IPAddress? sourceIp, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        ChangeAsync("revoked_at = @now", "revoked", id, expectedVersion, staffUserId, sourceIp, now, _ => { }, cancellationToken);

    private async Task<bool> ChangeAsync(string set, string action, Guid id, int expectedVersion, Guid staffUserId, IPAddress? sourceIp,
        DateTimeOffset now, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        var sql = $"""
            with changed as (
                update machine_clients set {set}, version = version + 1
                where id = @id and version = @version and revoked_at is null returning id)
            insert into machine_client_audit (machine_client_id, occurred_at, staff_user_id, source_ip, action)
            select id, @now, @staffUserId, @sourceIp, '{action}' from changed
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("version", expectedVersion);
        AddActor(command.Parameters, staffUserId, sourceIp, now);
        parameters(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>A client by its public id with its secret's hash, for the token endpoint.</summary>
    public async Task<(MachineClient Client, byte[] SecretHash)?> FindForSignInAsync(string clientId, CancellationToken cancellationToken = default)
    {
        const string sql = $"select {Columns}, c.secret_hash as SecretHash from machine_clients c join tenants t on t.id = c.tenant_id where c.client_id = @clientId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition(sql, new { clientId }, cancellationToken: cancellationToken));
        return row is null ? null : (row.ToClient(), row.SecretHash);
    }

    public async Task<MachineClient?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken = default) =>
        (await FindForSignInAsync(clientId, cancellationToken))?.Client;

    public async Task<MachineClient?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        const string sql = $"select {Columns}, c.secret_hash as SecretHash from machine_clients c join tenants t on t.id = c.tenant_id where c.id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken)))?.ToClient();
    }

    /// <summary>The clients over <paramref name="tenantIds"/>, newest first.</summary>
    public async Task<IReadOnlyList<MachineClient>> ListAsync(IReadOnlyCollection<Guid> tenantIds, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            select {Columns}, c.secret_hash as SecretHash from machine_clients c join tenants t on t.id = c.tenant_id
            where c.tenant_id = any(@tenants) order by c.created_at desc, c.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ClientRow>(new CommandDefinition(sql, new { tenants = tenantIds.ToArray() }, cancellationToken: cancellationToken)))
            .Select(r => r.ToClient()).ToList();
    }

    public async Task<IReadOnlyList<MachineClientAuditEntry>> HistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select a.occurred_at as OccurredAt, a.action as Action, u.email as StaffEmail, a.detail as Detail
            from machine_client_audit a join staff_users u on u.id = a.staff_user_id
            where a.machine_client_id = @id order by a.occurred_at desc, a.id desc
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(DateTime OccurredAt, string Action, string StaffEmail, string Detail)>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken)))
            .Select(r => new MachineClientAuditEntry(new DateTimeOffset(DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc)), r.Action, r.StaffEmail, r.Detail)).ToList();
    }

    /// <summary>The tenant and every tenant below it: what a client over it reads.</summary>
    public async Task<IReadOnlyList<Guid>> SubtreeAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with recursive t (id) as (select @tenantId union select x.id from tenants x join t on x.parent_id = t.id)
            select id from t
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { tenantId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The names of <paramref name="tenantIds"/>, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> TenantNamesAsync(IReadOnlyCollection<Guid> tenantIds, CancellationToken cancellationToken = default)
    {
        const string sql = "select id, name from tenants where id = any(@tenants) order by name, id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(Guid, string)>(new CommandDefinition(sql, new { tenants = tenantIds.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    private static void AddActor(NpgsqlParameterCollection p, Guid staffUserId, IPAddress? sourceIp, DateTimeOffset now)
    {
        p.AddWithValue("staffUserId", staffUserId);
        p.Add(new NpgsqlParameter("sourceIp", NpgsqlTypes.NpgsqlDbType.Inet) { Value = (object?)sourceIp ?? DBNull.Value });
        p.AddWithValue("now", now.ToUniversalTime());
    }

    /// <summary>Mapped by property, not by constructor: Npgsql gives a <c>text[]</c> column's type as <see cref="Array"/>,
    /// which no constructor taking <c>string[]</c> matches in Dapper's eyes, while the value itself is a <c>string[]</c>.</summary>
    private sealed class ClientRow
    {
        public Guid Id { get; set; }
        public string ClientId { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public Guid TenantId { get; set; }
        public string TenantName { get; set; } = "";
        public string[] Scopes { get; set; } = [];
        public DateTime CreatedAt { get; set; }
        public DateTime SecretRotatedAt { get; set; }
        public DateTime? RevokedAt { get; set; }
        public int Version { get; set; }
        public byte[] SecretHash { get; set; } = [];

        public MachineClient ToClient() => new(Id, ClientId, DisplayName, TenantId, TenantName, Scopes, Utc(CreatedAt), Utc(SecretRotatedAt),
            RevokedAt is { } revoked ? Utc(revoked) : null, Version);

        private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
