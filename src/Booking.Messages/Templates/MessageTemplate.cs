using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Booking.Messages.Templates;

/// <summary>
/// A subject (e-mail only) and a body with <c>{{name}}</c> placeholders. Parsed once: an unknown name is an error
/// here, when the template is loaded, never a blank in a citizen's message.
/// </summary>
public sealed partial class MessageTemplate
{
    private readonly IReadOnlyList<Piece> _subject;
    private readonly IReadOnlyList<Piece> _body;

    private MessageTemplate(IReadOnlyList<Piece> subject, IReadOnlyList<Piece> body)
    {
        _subject = subject;
        _body = body;
    }

    /// <param name="origin">Where the text comes from, named in the error (e.g. a template row id).</param>
    /// <param name="known">The placeholders it may use: a citizen's (<see cref="Placeholders.All"/>) unless told.</param>
    public static MessageTemplate Parse(string? subject, string body, string origin, IReadOnlySet<string>? known = null) =>
        new(Pieces(subject ?? "", origin + " (subject)", known ?? Placeholders.All), Pieces(body, origin + " (body)", known ?? Placeholders.All));

    public string RenderSubject(IReadOnlyDictionary<string, string> values) => Render(_subject, values, html: false);

    public string RenderText(IReadOnlyDictionary<string, string> values) => Render(_body, values, html: false);

    /// <summary>The body with every value HTML-encoded; the template's own text is encoded too.</summary>
    public string RenderHtml(IReadOnlyDictionary<string, string> values) => Render(_body, values, html: true);

    private static string Render(IReadOnlyList<Piece> pieces, IReadOnlyDictionary<string, string> values, bool html)
    {
        var text = new StringBuilder();
        var dropLineBreak = false;
        foreach (var piece in pieces)
        {
            var value = piece.Placeholder is { } name ? values.GetValueOrDefault(name, "") : piece.Text;
            if (dropLineBreak && value.StartsWith('\n'))
                value = value[1..];
            // A placeholder alone on its line that has nothing to say (a clinic without notes) takes its line with it.
            dropLineBreak = piece.Placeholder is not null && value.Length == 0 && EndsLine(text);
            text.Append(html ? WebUtility.HtmlEncode(value) : value);
        }
        return text.ToString().Trim();
    }

    private static bool EndsLine(StringBuilder text) => text.Length == 0 || text[^1] == '\n';

    private static List<Piece> Pieces(string text, string origin, IReadOnlySet<string> known)
    {
        var pieces = new List<Piece>();
        var at = 0;
        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            var name = match.Groups[1].Value.Trim();
            if (!known.Contains(name))
                throw new InvalidMessageTemplateException(
                    $"Template {origin} uses the unknown placeholder {{{{{name}}}}}. Known: {string.Join(", ", known.Order())}.");
            pieces.Add(Literal(text[at..match.Index], origin));
            pieces.Add(new Piece("", name));
            at = match.Index + match.Length;
        }
        pieces.Add(Literal(text[at..], origin));
        return pieces;
    }

    private static Piece Literal(string text, string origin) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal)
            ? throw new InvalidMessageTemplateException($"Template {origin} has an unclosed or empty placeholder.")
            : new Piece(text, null);

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex PlaceholderPattern();

    private sealed record Piece(string Text, string? Placeholder);
}

public sealed class InvalidMessageTemplateException(string message) : Exception(message);
