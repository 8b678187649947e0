using System.Globalization;
using System.Text;

namespace Booking.Messages;

/// <summary>
/// Writes iCalendar content lines (RFC 5545 §3.1): CRLF-terminated, folded so no line passes 75 octets (a fold never
/// splits a UTF-8 character), text values escaped (§3.3.11). Enough for the one event an appointment is, without a
/// general calendar library's object model on every e-mail of a burst.
/// </summary>
internal sealed class ContentLines
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new(1024);

    public ContentLines Property(string name, string value)
    {
        var line = name + ":" + value;
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var width = rune.Utf8SequenceLength;
            if (octets + width > MaxOctets)
            {
                // The continuation's leading space counts towards its 75 octets.
                _text.Append("\r\n ");
                octets = 1;
            }
            _text.Append(rune.ToString());
            octets += width;
        }
        _text.Append("\r\n");
        return this;
    }

    public ContentLines Text(string name, string value) => Property(name, Escape(value));

    public ContentLines Utc(string name, DateTimeOffset value) =>
        Property(name, value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_text.ToString());

    private static string Escape(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .ReplaceLineEndings("\n").Replace("\n", "\\n");
}
