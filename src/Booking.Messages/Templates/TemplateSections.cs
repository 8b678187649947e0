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
}
