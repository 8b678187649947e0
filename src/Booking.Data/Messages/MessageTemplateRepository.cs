using Dapper;
using Npgsql;

namespace Booking.Data.Messages;

/// <summary>A wording override (<c>message_templates</c>): for a tenant (or every tenant) and a service (or every
/// service), one kind of message in one language on one channel.</summary>
public sealed record MessageTemplateRow
{
    public Guid Id { get; init; }
    public Guid? TenantId { get; init; }
    public string? ServiceCode { get; init; }
    public string Kind { get; init; } = "";
    public string Language { get; init; } = "";
    public string Channel { get; init; } = "";
    public string? Subject { get; init; }
    public string Body { get; init; } = "";
}

/// <summary>The wording overrides, and the tenant tree they are inherited along (each tenant's parent).</summary>
public sealed record StoredMessageTemplates(IReadOnlyList<MessageTemplateRow> Templates, IReadOnlyDictionary<Guid, Guid?> TenantParents);

public sealed class MessageTemplateRepository(NpgsqlDataSource dataSource)
{
    public async Task<StoredMessageTemplates> LoadAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select id, tenant_id, service_code, kind, language, channel, subject, body from message_templates;
            select id, parent_id from tenants;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var templates = (await results.ReadAsync<MessageTemplateRow>()).ToList();
        var parents = (await results.ReadAsync<(Guid Id, Guid? ParentId)>()).ToDictionary(t => t.Id, t => t.ParentId);
        return new StoredMessageTemplates(templates, parents);
    }
}
