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

    private static IReadOnlyDictionary<(MessageKind, string, MessageChannel), MessageTemplate> Load() =>
        TemplateSections.ByKindAndChannel<MessageKind>("Booking.Messages.Defaults", "default");
}
