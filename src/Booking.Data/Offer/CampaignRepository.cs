using Booking.Data.Catalog;
using Booking.Domain.Campaigns;
using Dapper;
using Npgsql;

namespace Booking.Data.Offer;

/// <summary>A campaign at <see cref="Version"/>.</summary>
public sealed record StoredCampaign(Campaign Campaign, int Version);

/// <summary>Campaigns as staff edit them: each write with its audit entry in one transaction, only from the version it was
/// made from. Read through the catalogue's own read, so staff and citizens see the same campaigns.</summary>
public sealed class CampaignRepository(NpgsqlDataSource dataSource, CatalogRepository catalog)
{
    public async Task<IReadOnlyList<StoredCampaign>> OfTenantsAsync(IReadOnlyCollection<Guid> tenantIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var versions = (await connection.QueryAsync<(Guid Id, int Version)>(new CommandDefinition(
            "select id, version from campaigns where tenant_id = any(@tenants)", new { tenants = tenantIds.ToArray() }, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.Id, c => c.Version);
        return (await catalog.CampaignsAsync(cancellationToken)).Where(c => versions.ContainsKey(c.Id))
            .Select(c => new StoredCampaign(c, versions[c.Id])).ToList();
    }

    /// <summary>The tenant a campaign belongs to, if it exists.</summary>
    public async Task<Guid?> TenantOfAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition("select tenant_id from campaigns where id = @campaignId",
            new { campaignId }, cancellationToken: cancellationToken));
    }

    /// <returns>False when the campaign is no longer at <paramref name="expectedVersion"/> (0: a new one): nothing was written.</returns>
    public async Task<bool> SaveAsync(Campaign campaign, int expectedVersion, Campaign? before, OfferActor actor, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into campaigns (id, tenant_id, service_code, name_fr, name_en, opens_at, closes_at, waiting_room, admissions_per_minute)
            select @id, @tenant, @service, @nameFr, @nameEn, @opensAt, @closesAt, @waitingRoom, @admissions
            where @expectedVersion = 0
            on conflict do nothing;
            update campaigns
            set service_code = @service, name_fr = @nameFr, name_en = @nameEn, opens_at = @opensAt, closes_at = @closesAt,
                waiting_room = @waitingRoom, admissions_per_minute = @admissions, version = version + 1
            where id = @id and tenant_id = @tenant and version = @expectedVersion and @expectedVersion > 0;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            id = campaign.Id, tenant = campaign.TenantId, service = campaign.ServiceCode, nameFr = campaign.NameFr, nameEn = campaign.NameEn,
            opensAt = campaign.OpensAt.ToUniversalTime(), closesAt = campaign.ClosesAt?.ToUniversalTime(), waitingRoom = campaign.WaitingRoom,
            admissions = campaign.AdmissionsPerMinute, expectedVersion,
        }, transaction, cancellationToken: cancellationToken));
        if (written == 0)
            return false;
        await connection.ExecuteAsync(new CommandDefinition("delete from campaign_groups where campaign_id = @id", new { id = campaign.Id }, transaction,
            cancellationToken: cancellationToken));
        foreach (var group in campaign.Groups)
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into campaign_groups (campaign_id, group_code, opens_at) values (@id, @code, @opensAt)",
                new { id = campaign.Id, code = group.Code, opensAt = group.OpensAt?.ToUniversalTime() }, transaction, cancellationToken: cancellationToken));
        var change = before is null
            ? OfferChange.Created(campaign.TenantId!.Value, null, "campaign", campaign.Id.ToString(), campaign)
            : OfferChange.Updated(campaign.TenantId!.Value, null, "campaign", campaign.Id.ToString(), before, campaign);
        await OfferAudit.RecordAsync(connection, transaction, actor, change, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
