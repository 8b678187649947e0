using System.Globalization;
using System.Text;

namespace Booking.Web.FunctionalTests.Fuzzing;

/// <summary>One generated request, kept as bytes and strings so that a failure can show exactly what was sent.</summary>
public sealed record FuzzRequest(int Index, ApiOperation Operation, string Method, string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string? ContentType)
{
    public const string IndexHeader = "X-Fuzz-Request";

    public HttpRequestMessage ToHttp()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Target);
        request.Headers.TryAddWithoutValidation(IndexHeader, Index.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return request;
    }

    /// <summary>What to paste into a reproduction: method, target, headers and the body with every odd byte escaped.</summary>
    public string Describe(int maxBody = 600)
    {
        var text = new StringBuilder($"#{Index} ({Operation}) {Method} {Target}");
        foreach (var (name, value) in Headers)
            text.Append(CultureInfo.InvariantCulture, $"\n    {name}: {Printable(value, 200)}");
        if (Body is not null)
            text.Append(CultureInfo.InvariantCulture, $"\n    Content-Type: {ContentType ?? "(none)"}\n    body ({Body.Length} bytes): {Printable(Body, maxBody)}");
        return text.ToString();
    }

    /// <summary>UTF-8 shown as text, invalid bytes as <c>\xFF</c>, control characters and surrogates as <c>\u0000</c>.</summary>
    public static string Printable(byte[] bytes, int max)
    {
        var text = new StringBuilder();
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < bytes.Length && text.Length < max;)
        {
            var length = bytes[i] < 0x80 ? 1 : bytes[i] >= 0xF0 ? 4 : bytes[i] >= 0xE0 ? 3 : 2;
            try
            {
                text.Append(Printable(decoder.GetString(bytes, i, Math.Min(length, bytes.Length - i)), int.MaxValue));
                i += length;
            }
            catch (DecoderFallbackException)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{bytes[i]:X2}");
                i++;
            }
        }
        return text.Length >= max ? text.ToString(0, max) + $"… ({bytes.Length} bytes in all)" : text.ToString();
    }

    public static string Printable(string value, int max)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
            text.Append(c < ' ' || c == '\u007f' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        return value.Length > max ? text + $"… ({value.Length} characters in all)" : text.ToString();
    }
}
