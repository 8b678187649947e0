using System.Globalization;
using System.Security.Claims;
using Booking.Data.Offer;
using Booking.Data.Retention;
using Booking.Data.Staff;
using Booking.Staff.Access;
using Booking.Staff.Offer;

namespace Booking.Staff.Retention;

/// <summary>One class as a tenant keeps it: its default and floor, the months in effect and where they come from, and
/// what the tenant sets itself (null: inherited).</summary>
public sealed record RetentionClassView(RetentionClass Class, EffectiveRetention Effective, int? Own);

/// <summary>A tenant's retention per class, with its lineage (itself first) to name where an inherited value comes from.</summary>
public sealed record TenantRetentionView(IReadOnlyList<TenantSummary> Lineage, IReadOnlyList<RetentionClassView> Classes)
{
    public TenantSummary Tenant => Lineage[0];

    public TenantSummary? Source(Guid? tenantId) => tenantId is { } id ? Lineage.FirstOrDefault(t => t.Id == id) : null;
}

/// <summary>The months per class as typed, by class; a field left empty inherits.</summary>
public sealed class RetentionInput
{
    public Dictionary<string, string?> Months { get; set; } = [];

    public static RetentionInput From(TenantRetentionView view) => new()
    {
        Months = view.Classes.ToDictionary(c => c.Class.DataClass, c => c.Own?.ToString(CultureInfo.InvariantCulture)),
    };

    public static string Field(string dataClass) => $"Months[{dataClass}]";
}

public abstract record RetentionSaveResult
{
    public sealed record Saved : RetentionSaveResult;
    public sealed record Invalid(FormErrors Errors) : RetentionSaveResult;
    public sealed record NotFound : RetentionSaveResult;
}

/// <summary>
/// Reads and sets how long a tenant keeps each class of personal data, under <see cref="StaffPermission.ManageRetention"/>
/// over that tenant (out of scope: not found). Values under a class's floor are refused per field before anything is
/// written; the database refuses them too. Each save is audited with the values before and after.
/// </summary>
public sealed class TenantRetentionSettings(StaffAccess access, StaffScopeRepository scopes, TenantTree tree, TenantRetentionRepository retention)
{
    /// <summary>The tenants this person may set retention for, by name.</summary>
    public async Task<IReadOnlyList<ScopeTenant>> TenantsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        StaffAccess.UserId(user) is { } userId
            ? await scopes.TenantsAsync(StaffAccess.Grantee(userId, StaffPermission.ManageRetention), cancellationToken)
            : [];

    /// <returns>Null when the tenant is not one this person may set retention for.</returns>
    public async Task<TenantRetentionView?> ForAsync(ClaimsPrincipal user, Guid tenantId, CancellationToken cancellationToken = default)
    {
        if (!await access.AllowsAsync(user, StaffPermission.ManageRetention, StaffScope.OfTenant(tenantId), cancellationToken))
            return null;
        var lineage = await tree.LineageAsync(tenantId, cancellationToken);
        var classes = await retention.ClassesAsync(cancellationToken);
        var effective = await retention.EffectiveAsync([tenantId], cancellationToken);
        var own = await retention.OwnAsync(tenantId, cancellationToken);
        return new TenantRetentionView(lineage, classes.Select(c => new RetentionClassView(c, effective.Single(e => e.DataClass == c.DataClass),
            own.TryGetValue(c.DataClass, out var months) ? months : null)).ToList());
    }

    public async Task<RetentionSaveResult> SaveAsync(ClaimsPrincipal user, OfferActor actor, Guid tenantId, RetentionInput input,
        CancellationToken cancellationToken = default)
    {
        if (await ForAsync(user, tenantId, cancellationToken) is not { } view)
            return new RetentionSaveResult.NotFound();
        var errors = new FormErrors();
        var months = new Dictionary<string, int?>();
        foreach (var dataClass in view.Classes.Select(c => c.Class))
        {
            var typed = input.Months.GetValueOrDefault(dataClass.DataClass);
            months[dataClass.DataClass] = string.IsNullOrWhiteSpace(typed) ? null
                : FormValues.Number(typed, RetentionInput.Field(dataClass.DataClass), dataClass.FloorMonths, RetentionClass.MaximumMonths, errors);
        }
        if (errors.Any)
            return new RetentionSaveResult.Invalid(errors);
        await retention.SaveAsync(tenantId, months, actor, cancellationToken);
        return new RetentionSaveResult.Saved();
    }
}
