using System.Globalization;
using System.Text;

namespace Booking.Web.FunctionalTests.Fuzzing;

/// <summary>
/// JSON as the fuzzer writes it, not as a serializer would: duplicate or odd member names, number tokens no .NET type
/// holds (<c>1e400</c>, <c>-0</c>), and strings with control characters and unpaired surrogates (written as
/// <c>\uD800</c> escapes, which is valid JSON text whose meaning is not valid UTF-16).
/// </summary>
public abstract record FuzzJson
{
    public sealed record Object(IReadOnlyList<KeyValuePair<string, FuzzJson>> Members) : FuzzJson;
    public sealed record Array(IReadOnlyList<FuzzJson> Items) : FuzzJson;
    public sealed record String(string Value) : FuzzJson;
    /// <summary>Written as is: numbers, <c>true</c>, <c>null</c>, or anything else.</summary>
    public sealed record Token(string Text) : FuzzJson;

    public static readonly FuzzJson Null = new Token("null");
    public static FuzzJson Bool(bool value) => new Token(value ? "true" : "false");

    /// <summary>Sealed, so the records below keep this instead of their own synthesized member listing.</summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        Write(this, text);
        return text.ToString();
    }

    private static void Write(FuzzJson value, StringBuilder text)
    {
        switch (value)
        {
            case Object o:
                text.Append('{');
                for (var i = 0; i < o.Members.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    WriteString(o.Members[i].Key, text);
                    text.Append(':');
                    Write(o.Members[i].Value, text);
                }
                text.Append('}');
                break;
            case Array a:
                text.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(a.Items[i], text);
                }
                text.Append(']');
                break;
            case String s:
                WriteString(s.Value, text);
                break;
            case Token t:
                text.Append(t.Text);
                break;
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                text.Append('\\').Append(c);
            else if (c < ' ' || char.IsSurrogate(c))
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                text.Append(c);
        }
        text.Append('"');
    }
}
