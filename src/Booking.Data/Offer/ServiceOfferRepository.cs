using Booking.Domain.Catalog;
using Booking.Domain.Screening;
using Dapper;
using Npgsql;

namespace Booking.Data.Offer;

/// <summary>A tenant's setting of a service at <see cref="Version"/> (0: never set).</summary>
public sealed record StoredServiceSetting(ServiceSetting Setting, int Version);

/// <summary>Every tenant's settings of every service, the tenant tree, and which clinic offers what: what a web host needs
/// to show each clinic's services in its tenant's words and under its tenant's rules.</summary>
public sealed record ServiceOfferSnapshot(
    IReadOnlyList<ServiceSetting> Settings,
    IReadOnlyDictionary<Guid, Guid?> TenantParents,
    IReadOnlyDictionary<Guid, IReadOnlySet<string>> LocationServices)
{
    /// <summary>A tenant and the tenants above it, nearest first.</summary>
    public IReadOnlyList<Guid> Lineage(Guid tenantId)
    {
        var lineage = new List<Guid>();
        for (Guid? tenant = tenantId; tenant is { } id && !lineage.Contains(id); tenant = TenantParents.GetValueOrDefault(id))
            lineage.Add(id);
        return lineage;
    }

    /// <summary>A tenant's settings of a service along its lineage, its own first.</summary>
    public IReadOnlyList<ServiceSetting> Lineage(Guid tenantId, string serviceCode) =>
        Lineage(tenantId).SelectMany(id => Settings.Where(s => s.TenantId == id && s.ServiceCode == serviceCode)).ToList();
}

/// <summary>Tenants' settings of catalogue services (<c>tenant_services</c>, <c>tenant_screening_questions</c>) and
/// clinics' services (<c>location_services</c>). Each write carries its audit entry in the same transaction and names
/// the version it was made from.</summary>
public sealed class ServiceOfferRepository(NpgsqlDataSource dataSource)
{
    private const string SettingColumns = """
        tenant_id, service_code, offered, name_fr, name_en, preparation_fr, preparation_en, min_age_years, max_age_years,
        screening_overridden, version
        """;

    public async Task<IReadOnlyList<StoredServiceSetting>> OfTenantsAsync(IReadOnlyCollection<Guid> tenantIds, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            select {SettingColumns} from tenant_services where tenant_id = any(@tenants);
            select tenant_id, service_code, id, 1 as version, position, text_fr, text_en, blocking_answer, explanation_fr, explanation_en
            from tenant_screening_questions where tenant_id = any(@tenants) order by position, id;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { tenants = tenantIds.ToArray() }, cancellationToken: cancellationToken));
        var settings = (await results.ReadAsync<SettingRow>()).ToList();
        var questions = (await results.ReadAsync<QuestionRow>()).ToLookup(q => (q.tenant_id, q.service_code));
        return settings.Select(s => new StoredServiceSetting(s.ToSetting(questions[(s.tenant_id, s.service_code)].Select(q => q.ToQuestion()).ToList()), s.version)).ToList();
    }

    public async Task<ServiceOfferSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id, parent_id from tenants;
            select location_id, service_code from location_services;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var parents = (await results.ReadAsync<(Guid Id, Guid? ParentId)>()).ToDictionary(t => t.Id, t => t.ParentId);
        var services = (await results.ReadAsync<(Guid Location, string Service)>())
            .GroupBy(r => r.Location).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.Service).ToHashSet());
        var settings = await OfTenantsAsync(parents.Keys, cancellationToken);
        return new ServiceOfferSnapshot(settings.Select(s => s.Setting).ToList(), parents, services);
    }

    /// <returns>False when the setting is no longer at <paramref name="expectedVersion"/> (0: not set yet): nothing was written.</returns>
    public async Task<bool> SaveAsync(ServiceSetting setting, int expectedVersion, StoredServiceSetting? before, OfferActor actor,
        CancellationToken cancellationToken = default)
    {
        const string upsert = """
            insert into tenant_services (tenant_id, service_code, offered, name_fr, name_en, preparation_fr, preparation_en, min_age_years,
                                         max_age_years, screening_overridden)
            select @tenant, @service, @offered, @nameFr, @nameEn, @preparationFr, @preparationEn, @minAge, @maxAge, @screeningOverridden
            where @expectedVersion = 0
            on conflict do nothing;
            update tenant_services
            set offered = @offered, name_fr = @nameFr, name_en = @nameEn, preparation_fr = @preparationFr, preparation_en = @preparationEn,
                min_age_years = @minAge, max_age_years = @maxAge, screening_overridden = @screeningOverridden, version = version + 1
            where tenant_id = @tenant and service_code = @service and version = @expectedVersion and @expectedVersion > 0;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(upsert, new
        {
            tenant = setting.TenantId, service = setting.ServiceCode, offered = setting.Offered, nameFr = setting.NameFr, nameEn = setting.NameEn,
            preparationFr = setting.PreparationFr, preparationEn = setting.PreparationEn, minAge = setting.MinAgeYears, maxAge = setting.MaxAgeYears,
            screeningOverridden = setting.Screening is not null, expectedVersion,
        }, transaction, cancellationToken: cancellationToken));
        if (written == 0)
            return false;
        await connection.ExecuteAsync(new CommandDefinition("delete from tenant_screening_questions where tenant_id = @tenant and service_code = @service",
            new { tenant = setting.TenantId, service = setting.ServiceCode }, transaction, cancellationToken: cancellationToken));
        foreach (var question in setting.Screening ?? [])
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into tenant_screening_questions (tenant_id, service_code, id, position, text_fr, text_en, blocking_answer, explanation_fr, explanation_en)
                values (@tenant, @service, @id, @position, @textFr, @textEn, @blocking, @explanationFr, @explanationEn)
                """, new
            {
                tenant = setting.TenantId, service = setting.ServiceCode, id = question.Id, position = question.Position, textFr = question.TextFr,
                textEn = question.TextEn, blocking = question.BlockingAnswer, explanationFr = question.ExplanationFr, explanationEn = question.ExplanationEn,
            }, transaction, cancellationToken: cancellationToken));
        var change = before is null
            ? OfferChange.Created(setting.TenantId, null, "tenant_service", $"{setting.TenantId}/{setting.ServiceCode}", setting)
            : OfferChange.Updated(setting.TenantId, null, "tenant_service", $"{setting.TenantId}/{setting.ServiceCode}", before.Setting, setting);
        await OfferAudit.RecordAsync(connection, transaction, actor, change, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The clinics of these tenants that offer a service, by name.</summary>
    public async Task<IReadOnlyList<string>> ClinicsOfferingAsync(IReadOnlyCollection<Guid> tenantIds, string serviceCode, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select l.name from location_services s join locations l on l.id = s.location_id
            where l.tenant_id = any(@tenants) and s.service_code = @serviceCode order by l.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, new { tenants = tenantIds.ToArray(), serviceCode },
            cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlySet<string>> OfferedAtAsync(Guid locationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition("select service_code from location_services where location_id = @locationId",
            new { locationId }, cancellationToken: cancellationToken))).ToHashSet();
    }

    /// <summary>Sets the services a clinic offers, as a change of the clinic (its version moves).</summary>
    /// <returns>False when the clinic is no longer at <paramref name="expectedVersion"/>: nothing was written.</returns>
    public async Task<bool> SaveOfferedAtAsync(Guid tenantId, Guid locationId, int expectedVersion, IReadOnlySet<string> services, OfferActor actor,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition("update locations set version = version + 1 where id = @locationId and version = @expectedVersion",
                new { locationId, expectedVersion }, transaction, cancellationToken: cancellationToken)) == 0)
            return false;
        var before = (await connection.QueryAsync<string>(new CommandDefinition(
            "select service_code from location_services where location_id = @locationId order by service_code", new { locationId }, transaction,
            cancellationToken: cancellationToken))).ToList();
        await connection.ExecuteAsync(new CommandDefinition("""
            delete from location_services where location_id = @locationId and service_code <> all(@services);
            insert into location_services (location_id, service_code) select @locationId, unnest(@services) on conflict do nothing;
            """, new { locationId, services = services.ToArray() }, transaction, cancellationToken: cancellationToken));
        await OfferAudit.RecordAsync(connection, transaction, actor, OfferChange.Updated(tenantId, locationId, "location_services", locationId.ToString(),
            before, services.Order(StringComparer.Ordinal).ToList()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private sealed record SettingRow(Guid tenant_id, string service_code, bool? offered, string? name_fr, string? name_en, string? preparation_fr,
        string? preparation_en, int? min_age_years, int? max_age_years, bool screening_overridden, int version)
    {
        public ServiceSetting ToSetting(IReadOnlyList<ScreeningQuestion> questions) => new(tenant_id, service_code, offered, name_fr, name_en,
            preparation_fr, preparation_en, min_age_years, max_age_years, screening_overridden ? questions : null);
    }

    private sealed record QuestionRow(Guid tenant_id, string service_code, string id, int version, int position, string text_fr, string text_en,
        bool? blocking_answer, string? explanation_fr, string? explanation_en)
    {
        public ScreeningQuestion ToQuestion() => new(id, version, position, text_fr, text_en, blocking_answer, explanation_fr, explanation_en);
    }
}
