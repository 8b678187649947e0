using System.Security.Claims;
using Booking.Data.Offer;
using Booking.Staff.Access;
using Npgsql;

namespace Booking.Staff.Offer;

/// <summary>A tenant in which a person may create clinics.</summary>
public sealed record OfferTenant(Guid Id, string Name);

/// <summary>What of the clinics' offer a person may manage, listed through <see cref="StaffScopeSql"/> under
/// <see cref="StaffPermission.ManageOffer"/>, so a page never lists what it would refuse to open.</summary>
public sealed class ManagedOffer(NpgsqlDataSource dataSource, StaffAccess access, LocationRepository locations)
{
    /// <summary>The clinics where the person holds <see cref="StaffPermission.ManageOffer"/>: a tenant administrator's
    /// tenants' clinics, a clinic manager's own.</summary>
    public async Task<IReadOnlyList<StaffLocation>> ClinicsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await locations.FindManyAsync(await access.LocationsAsync(user, StaffPermission.ManageOffer, cancellationToken), cancellationToken);

    /// <summary>The tenants over which the person holds <see cref="StaffPermission.ManageOffer"/> as a whole: where they
    /// may create a clinic (a clinic manager, limited to its clinics, has none).</summary>
    public async Task<IReadOnlyList<OfferTenant>> TenantsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (StaffAccess.UserId(user) is not { } userId)
            return [];
        var sql = $"""
            with recursive {StaffScopeSql.Tenants("managed")}
            select t.id, t.name from tenants t where t.id in (select id from managed) order by t.name
            """;
        await using var command = dataSource.CreateCommand(sql);
        StaffScopeSql.AddParameters(command.Parameters, userId, StaffPermission.ManageOffer);
        var tenants = new List<OfferTenant>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tenants.Add(new OfferTenant(reader.GetGuid(0), reader.GetString(1)));
        return tenants;
    }
}
