using Booking.Messages.Templates;
using Dapper;
using Npgsql;

namespace Booking.Messages.Reference;

/// <summary>Reads the wording overrides and the tenant tree they are inherited along.</summary>
public sealed class MessageTemplateRepository(NpgsqlDataSource dataSource)
{
    public async Task<TemplateOverrides> LoadAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select id, tenant_id, service_code, kind, language, channel, subject, body from message_templates;
            select id, parent_id from tenants;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var rows = (await results.ReadAsync<TemplateRow>()).ToList();
        var parents = (await results.ReadAsync<(Guid Id, Guid? ParentId)>()).ToDictionary(t => t.Id, t => t.ParentId);
        return new TemplateOverrides(
            rows.Select(r => new TemplateOverride(r.tenant_id, r.service_code, Enum.Parse<MessageKind>(r.kind), r.language,
                r.channel == "sms" ? MessageChannel.Sms : MessageChannel.Email,
                MessageTemplate.Parse(r.subject, r.body, $"message_templates row {r.id}"))).ToList(),
            parents);
    }

    private sealed record TemplateRow(Guid id, Guid? tenant_id, string? service_code, string kind, string language, string channel,
        string? subject, string body);
}
