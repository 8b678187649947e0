using Booking.Domain.Screening;

namespace Booking.Domain.Catalog;

/// <summary>What one tenant sets about a catalogue service; every null is "as the tenant above says" (in the end, the
/// catalogue). <see cref="Screening"/> non-null replaces the inherited questions as a whole (an empty list: none).</summary>
public sealed record ServiceSetting(
    Guid TenantId,
    string ServiceCode,
    bool? Offered = null,
    string? NameFr = null,
    string? NameEn = null,
    string? PreparationFr = null,
    string? PreparationEn = null,
    int? MinAgeYears = null,
    int? MaxAgeYears = null,
    IReadOnlyList<ScreeningQuestion>? Screening = null);

/// <summary>A value in effect and where it comes from: the tenant that set it, or null for the catalogue.</summary>
public sealed record Inherited<T>(T Value, Guid? FromTenant);

/// <summary>A service as one tenant offers it, each value with its source.</summary>
public sealed record EffectiveService(
    Service Catalogue,
    Inherited<bool> Offered,
    Inherited<string> NameFr,
    Inherited<string> NameEn,
    Inherited<string?> PreparationFr,
    Inherited<string?> PreparationEn,
    Inherited<int?> MinAgeYears,
    Inherited<int?> MaxAgeYears,
    Inherited<IReadOnlyList<ScreeningQuestion>> Screening)
{
    /// <summary>The service with this tenant's names and age rule (its minimum interval is the catalogue's).</summary>
    public Service Service => Catalogue with
    {
        NameFr = NameFr.Value,
        NameEn = NameEn.Value,
        Eligibility = Catalogue.Eligibility with { MinAgeYears = MinAgeYears.Value, MaxAgeYears = MaxAgeYears.Value },
    };

    public string? Preparation(string language) => language == "en" ? PreparationEn.Value : PreparationFr.Value;
}

/// <summary>How a tenant's view of a service is made: each value from the nearest tenant in its lineage that sets it,
/// else from the catalogue.</summary>
public static class ServiceInheritance
{
    /// <param name="lineage">The tenant's settings of this service, the tenant's own first, then its parent's, and so on.</param>
    public static EffectiveService Resolve(Service catalogue, (string? Fr, string? En) preparation, IReadOnlyList<ScreeningQuestion> catalogueScreening,
        IReadOnlyList<ServiceSetting> lineage)
    {
        Inherited<T> Nearest<T>(Func<ServiceSetting, T?> field, T fallback) where T : class =>
            lineage.FirstOrDefault(s => field(s) is not null) is { } setting ? new(field(setting)!, setting.TenantId) : new(fallback, null);
        Inherited<T> NearestValue<T>(Func<ServiceSetting, T?> field, T fallback) where T : struct =>
            lineage.FirstOrDefault(s => field(s) is not null) is { } setting ? new(field(setting)!.Value, setting.TenantId) : new(fallback, null);
        Inherited<T?> NearestOptional<T>(Func<ServiceSetting, T?> field, T? fallback) where T : struct =>
            lineage.FirstOrDefault(s => field(s) is not null) is { } setting ? new(field(setting), setting.TenantId) : new(fallback, null);
        Inherited<string?> NearestText(Func<ServiceSetting, string?> field, string? fallback) =>
            lineage.FirstOrDefault(s => field(s) is not null) is { } setting ? new(field(setting), setting.TenantId) : new(fallback, null);

        return new EffectiveService(catalogue,
            NearestValue(s => s.Offered, true),
            Nearest(s => s.NameFr, catalogue.NameFr),
            Nearest(s => s.NameEn, catalogue.NameEn),
            NearestText(s => s.PreparationFr, preparation.Fr),
            NearestText(s => s.PreparationEn, preparation.En),
            NearestOptional(s => s.MinAgeYears, catalogue.Eligibility.MinAgeYears),
            NearestOptional(s => s.MaxAgeYears, catalogue.Eligibility.MaxAgeYears),
            Nearest(s => s.Screening, catalogueScreening));
    }
}
