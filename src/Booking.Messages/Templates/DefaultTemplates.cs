namespace Booking.Messages.Templates;

/// <summary>The platform's own wording, embedded in the assembly (<c>Templates/Defaults/{language}.txt</c>): every
/// kind in both channels and both languages. A file is sections headed <c>### Kind Channel</c>; an e-mail section
/// starts with a <c>Subject:</c> line.</summary>
public static class DefaultTemplates
{
    private static readonly Lazy<IReadOnlyDictionary<(MessageKind, string, MessageChannel), MessageTemplate>> Loaded = new(Load);

    public static IReadOnlyList<string> Languages { get; } = ["fr", "en"];

    public static MessageTemplate For(MessageKind kind, string language, MessageChannel channel) =>
        Loaded.Value.TryGetValue((kind, language, channel), out var template) ? template
            : throw new InvalidMessageTemplateException($"No default {language} {channel} template for {kind}.");

    private static IReadOnlyDictionary<(MessageKind, string, MessageChannel), MessageTemplate> Load()
    {
        var templates = new Dictionary<(MessageKind, string, MessageChannel), MessageTemplate>();
        foreach (var language in Languages)
        {
            foreach (var (heading, lines) in TemplateSections.Read($"Booking.Messages.Defaults.{language}.txt"))
            {
                var kind = Enum.Parse<MessageKind>(heading[0]);
                var channel = Enum.Parse<MessageChannel>(heading[1]);
                var subject = channel == MessageChannel.Email ? TemplateSections.Subject(lines[0]) : null;
                var body = string.Join('\n', lines.Skip(channel == MessageChannel.Email ? 1 : 0));
                templates[(kind, language, channel)] = MessageTemplate.Parse(subject, body, $"default {language} {kind} {channel}");
            }
        }
        foreach (var kind in Enum.GetValues<MessageKind>())
            foreach (var language in Languages)
                foreach (var channel in Enum.GetValues<MessageChannel>())
                    if (!templates.ContainsKey((kind, language, channel)))
                        throw new InvalidMessageTemplateException($"No default {language} {channel} template for {kind}.");
        return templates;
    }
}
