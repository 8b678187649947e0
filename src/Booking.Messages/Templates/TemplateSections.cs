namespace Booking.Messages.Templates;

/// <summary>How the embedded wording files are laid out: sections, each headed <c>### word word…</c>, the lines below
/// being its text; an e-mail's text starts with a <c>Subject:</c> line.</summary>
internal static class TemplateSections
{
    public static IEnumerable<(string[] Heading, string[] Lines)> Read(string resourceName)
    {
        using var stream = typeof(TemplateSections).Assembly.GetManifestResourceStream(resourceName)
                           ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
        var sections = new StreamReader(stream).ReadToEnd().Split("### ", StringSplitOptions.RemoveEmptyEntries);
        foreach (var section in sections)
        {
            var lines = section.ReplaceLineEndings("\n").Split('\n');
            yield return (lines[0].Split(' '), lines[1..]);
        }
    }

    public static string Subject(string line) =>
        line.StartsWith("Subject: ", StringComparison.Ordinal) ? line["Subject: ".Length..]
            : throw new InvalidMessageTemplateException($"An e-mail section starts with \"Subject: \", not \"{line}\".");

    /// <summary>Every kind in both channels and both languages, from sections headed <c>### Kind Channel</c> in
    /// <c>{resourcePrefix}.{language}.txt</c>; a missing one is an error at load, never a blank message.</summary>
    public static IReadOnlyDictionary<(TKind, string, MessageChannel), MessageTemplate> ByKindAndChannel<TKind>(string resourcePrefix, string origin,
        IReadOnlySet<string>? known = null) where TKind : struct, Enum
    {
        var templates = new Dictionary<(TKind, string, MessageChannel), MessageTemplate>();
        foreach (var language in DefaultTemplates.Languages)
        {
            foreach (var (heading, lines) in Read($"{resourcePrefix}.{language}.txt"))
            {
                var kind = Enum.Parse<TKind>(heading[0]);
                var channel = Enum.Parse<MessageChannel>(heading[1]);
                var subject = channel == MessageChannel.Email ? Subject(lines[0]) : null;
                var body = string.Join('\n', lines.Skip(channel == MessageChannel.Email ? 1 : 0));
                templates[(kind, language, channel)] = MessageTemplate.Parse(subject, body, $"{origin} {language} {kind} {channel}", known);
            }
        }
        foreach (var kind in Enum.GetValues<TKind>())
            foreach (var language in DefaultTemplates.Languages)
                foreach (var channel in Enum.GetValues<MessageChannel>())
                    if (!templates.ContainsKey((kind, language, channel)))
                        throw new InvalidMessageTemplateException($"No {origin} {language} {channel} template for {kind}.");
        return templates;
    }
}
