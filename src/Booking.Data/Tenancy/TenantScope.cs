using Npgsql;

namespace Booking.Data.Tenancy;

/// <summary>
/// What a tenant's staff may reach: the tenant itself and every tenant under it (a region sees its clinics' bookings,
/// never a sibling region's). Every staff query that reads tenant data filters through this one piece, so isolation is
/// written once. Citizens never go through it: they reach a booking by its code plus its HMAC token, with no tenant.
/// </summary>
public static class TenantScope
{
    /// <summary>A common table expression named <c>tenant_scope (id)</c>: the tenant given by <paramref name="parameter"/>
    /// and its descendants. Put it first in a statement, then filter with <see cref="Contains"/>.</summary>
    public static string With(string parameter = "@tenant") => $"""
        with recursive tenant_scope (id) as (
            select {parameter}::uuid
            union
            select t.id from tenants t join tenant_scope s on t.parent_id = s.id)
        """;

    /// <summary>A condition true when <paramref name="tenantColumn"/> is in the scope of <see cref="With"/>.</summary>
    public static string Contains(string tenantColumn) => $"{tenantColumn} in (select id from tenant_scope)";

    /// <summary>Whether <paramref name="tenantId"/> is <paramref name="scopeTenantId"/> or under it.</summary>
    public static async Task<bool> IncludesAsync(NpgsqlDataSource dataSource, Guid scopeTenantId, Guid tenantId,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"{With()} select exists (select 1 where {Contains("@target")})");
        command.Parameters.AddWithValue("tenant", scopeTenantId);
        command.Parameters.AddWithValue("target", tenantId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
