namespace Booking.Messages.Templates;

public sealed record TemplateOverride(Guid? TenantId, string? ServiceCode, MessageKind Kind, string Language, MessageChannel Channel,
    MessageTemplate Template);

/// <summary>
/// Chooses the wording for one message: the most specific stored row wins (tenant+service, then tenant, for the
/// tenant itself and then each parent up the tree, then service alone), else the embedded default.
/// </summary>
public sealed class TemplateOverrides(IReadOnlyList<TemplateOverride> rows, IReadOnlyDictionary<Guid, Guid?> tenantParents)
{
    private readonly ILookup<(MessageKind, string, MessageChannel), TemplateOverride> _byMessage =
        rows.ToLookup(r => (r.Kind, r.Language, r.Channel));

    public static TemplateOverrides None { get; } = new([], new Dictionary<Guid, Guid?>());

    public MessageTemplate Resolve(MessageKind kind, string language, MessageChannel channel, Guid tenantId, string serviceCode)
    {
        var candidates = _byMessage[(kind, language, channel)].ToList();
        if (candidates.Count == 0)
            return DefaultTemplates.For(kind, language, channel);
        foreach (var tenant in TenantAndAncestors(tenantId))
        {
            var forTenant = candidates.Where(c => c.TenantId == tenant).ToList();
            var best = forTenant.FirstOrDefault(c => c.ServiceCode == serviceCode) ?? forTenant.FirstOrDefault(c => c.ServiceCode is null);
            if (best is not null)
                return best.Template;
        }
        return candidates.FirstOrDefault(c => c.TenantId is null && c.ServiceCode == serviceCode)?.Template
               ?? candidates.FirstOrDefault(c => c.TenantId is null && c.ServiceCode is null)?.Template
               ?? DefaultTemplates.For(kind, language, channel);
    }

    private IEnumerable<Guid> TenantAndAncestors(Guid tenantId)
    {
        var seen = new HashSet<Guid>();
        for (Guid? tenant = tenantId; tenant is { } t && seen.Add(t); tenant = tenantParents.GetValueOrDefault(t))
            yield return t;
    }
}
