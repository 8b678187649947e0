using Booking.Data.Messages;

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

    /// <summary>The stored overrides, each parsed (a malformed one names its row).</summary>
    public static TemplateOverrides From(StoredMessageTemplates stored) => new(
        stored.Templates.Select(r => new TemplateOverride(r.TenantId, r.ServiceCode, Enum.Parse<MessageKind>(r.Kind), r.Language,
            r.Channel == "sms" ? MessageChannel.Sms : MessageChannel.Email,
            MessageTemplate.Parse(r.Subject, r.Body, $"message_templates row {r.Id}"))).ToList(),
        stored.TenantParents);

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
