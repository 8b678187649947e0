using System.Globalization;
using System.Security.Claims;
using Booking.Data.Catalog;
using Booking.Data.Offer;
using Booking.Domain.Campaigns;
using Booking.Domain.Catalog;
using Booking.Staff.Access;

namespace Booking.Staff.Offer;

/// <summary>A priority group of a campaign as typed: its code, and when it starts booking (empty: with the campaign).</summary>
public sealed class CampaignGroupInput
{
    public string? Code { get; set; }
    public string? OpensAt { get; set; }
}

/// <summary>A campaign's form as typed; times are Québec's wall clock (<c>yyyy-MM-ddTHH:mm</c>).</summary>
public sealed class CampaignInput
{
    public const int BlankGroups = 3;

    public string? TenantId { get; set; }
    public string? ServiceCode { get; set; }
    public string? NameFr { get; set; }
    public string? NameEn { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public List<CampaignGroupInput?>? Groups { get; set; }
    public bool WaitingRoom { get; set; }
    public string? AdmissionsPerMinute { get; set; }
    public int Version { get; set; }

    /// <summary>The form as posted, with room for more groups.</summary>
    public CampaignInput WithBlankRows()
    {
        Groups = [.. (Groups ?? []).Select(g => g ?? new CampaignGroupInput()), .. Enumerable.Range(0, BlankGroups).Select(_ => new CampaignGroupInput())];
        return this;
    }

    public static CampaignInput From(StoredCampaign stored) => new CampaignInput
    {
        TenantId = stored.Campaign.TenantId?.ToString(), ServiceCode = stored.Campaign.ServiceCode, NameFr = stored.Campaign.NameFr,
        NameEn = stored.Campaign.NameEn, OpensAt = CampaignEditing.Local(stored.Campaign.OpensAt), ClosesAt = CampaignEditing.Local(stored.Campaign.ClosesAt),
        Groups = [.. stored.Campaign.Groups.Select(g => new CampaignGroupInput { Code = g.Code, OpensAt = CampaignEditing.Local(g.OpensAt) })],
        WaitingRoom = stored.Campaign.WaitingRoom, AdmissionsPerMinute = stored.Campaign.AdmissionsPerMinute.ToString(CultureInfo.InvariantCulture),
        Version = stored.Version,
    }.WithBlankRows();
}

public abstract record CampaignSaveResult
{
    public sealed record Saved(Guid CampaignId) : CampaignSaveResult;
    public sealed record Invalid(FormErrors Errors) : CampaignSaveResult;
    public sealed record Stale : CampaignSaveResult;
    public sealed record NotFound : CampaignSaveResult;
}

/// <summary>Creates and edits campaigns: their service, priority groups and when each opens, their opening and closing
/// times, and their waiting room. A saved campaign applies to its tenant's clinics and those below within a second.</summary>
public sealed class CampaignEditing(StaffAccess access, CampaignRepository campaigns, CatalogRepository catalog)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>Whether the person may manage the campaign: <see cref="StaffPermission.ManageOffer"/> over its tenant.</summary>
    public async Task<bool> CanManageAsync(ClaimsPrincipal user, Guid campaignId, CancellationToken cancellationToken = default) =>
        await campaigns.TenantOfAsync(campaignId, cancellationToken) is { } tenant
        && await access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfTenant(tenant), cancellationToken);

    public async Task<CampaignSaveResult> SaveAsync(ClaimsPrincipal user, OfferActor actor, Guid? campaignId, CampaignInput input,
        CancellationToken cancellationToken = default)
    {
        StoredCampaign? before = null;
        if (campaignId is { } id)
        {
            if (!await CanManageAsync(user, id, cancellationToken))
                return new CampaignSaveResult.NotFound();
            before = (await campaigns.OfTenantsAsync([(await campaigns.TenantOfAsync(id, cancellationToken))!.Value], cancellationToken)).Single(c => c.Campaign.Id == id);
        }
        var errors = new FormErrors();
        // A campaign stays with the tenant it was made for; a new one goes to a tenant this person manages.
        var tenantId = before?.Campaign.TenantId ?? (Guid.TryParse(input.TenantId, out var chosen) ? chosen : null);
        if (before is null && (tenantId is not { } tenant || !await access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfTenant(tenant), cancellationToken)))
            errors.Add(nameof(input.TenantId), "Offer.Location.TenantRequired");
        var services = (await catalog.ServicesAsync(cancellationToken)).Select(s => s.Code).ToHashSet();
        var campaign = Read(campaignId ?? Guid.CreateVersion7(), tenantId, input, services, errors);
        if (errors.Any)
            return new CampaignSaveResult.Invalid(errors);
        return await campaigns.SaveAsync(campaign!, before is null ? 0 : input.Version, before?.Campaign, actor, cancellationToken)
            ? new CampaignSaveResult.Saved(campaign!.Id) : new CampaignSaveResult.Stale();
    }

    private static Campaign? Read(Guid id, Guid? tenantId, CampaignInput input, HashSet<string> services, FormErrors errors)
    {
        if (input.ServiceCode is null || !services.Contains(input.ServiceCode))
            errors.Add(nameof(input.ServiceCode), "Offer.Template.ServiceRequired");
        var nameFr = Required(input.NameFr, nameof(input.NameFr), errors);
        var nameEn = Required(input.NameEn, nameof(input.NameEn), errors);
        var opensAt = Instant(input.OpensAt, nameof(input.OpensAt), errors, required: true);
        var closesAt = Instant(input.ClosesAt, nameof(input.ClosesAt), errors, required: false);
        if (opensAt is { } opens && closesAt is { } closes && closes <= opens)
            errors.Add(nameof(input.ClosesAt), "Offer.Campaign.ClosesBeforeOpens");
        var groups = new List<CampaignGroup>();
        var rows = input.Groups ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row || (string.IsNullOrWhiteSpace(row.Code) && string.IsNullOrWhiteSpace(row.OpensAt)))
                continue;
            var code = row.Code?.Trim() ?? "";
            if (!PriorityGroups.IsKnown(code))
                errors.Add($"Groups[{i}].Code", "Offer.Campaign.GroupUnknown");
            else if (groups.Any(g => g.Code == code))
                errors.Add($"Groups[{i}].Code", "Offer.Campaign.GroupTwice");
            groups.Add(new CampaignGroup(code, Instant(row.OpensAt, $"Groups[{i}].OpensAt", errors, required: false)));
        }
        if (groups.Count == 0)
            errors.Add("Groups[0].Code", "Offer.Campaign.NoGroup");
        var admissions = input.WaitingRoom ? FormValues.Number(input.AdmissionsPerMinute, nameof(input.AdmissionsPerMinute), 1, 1_000_000, errors) : null;
        return errors.Any ? null : new Campaign(id, input.ServiceCode!, nameFr, nameEn, opensAt!.Value, closesAt, groups, tenantId, input.WaitingRoom,
            admissions ?? 600);
    }

    /// <summary>An instant typed as Québec's wall clock.</summary>
    private static DateTimeOffset? Instant(string? text, string field, FormErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.Add(field, "Offer.Required");
            return null;
        }
        if (DateTime.TryParseExact(text.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, QuebecTime.Zone.GetUtcOffset(local)).ToUniversalTime();
        errors.Add(field, "Offer.Campaign.TimeInvalid");
        return null;
    }

    private static string Required(string? text, string field, FormErrors errors)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            errors.Add(field, "Offer.Required");
        else if (trimmed.Length > 300)
            errors.Add(field, "Offer.TooLong", 300);
        return trimmed;
    }

    /// <summary>An instant as Québec's wall clock, for the form.</summary>
    public static string Local(DateTimeOffset? instant) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, QuebecTime.Zone).ToString(TimeFormat, CultureInfo.InvariantCulture) : "";
}
