using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Booking.Web.FunctionalTests.Fuzzing;

/// <summary>
/// Requests for the operations of an <see cref="ApiContract"/>, from their schemas: right and wrong types, missing and
/// extra fields, hostile strings, boundary numbers and dates, malformed JSON, wrong content types, odd path segments
/// and repeated query keys. Deterministic for a seed; bodies stay under <see cref="MaxBodyBytes"/>.
/// </summary>
public sealed partial class FuzzRequestGenerator(ApiContract contract, FuzzValues values)
{
    // The JSON Schema types a schema may list, the one a request is built as first.
    private static readonly string[] TypesByPrecedence = ["object", "array", "integer", "number", "boolean", "string"];

    /// <summary>Below the host's request size limit, which answers bigger bodies with a 413 before any of this code runs.</summary>
    public const int MaxBodyBytes = 60_000;
    private const int MaxTargetLength = 8_000;

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "application/xml", "text/json",
        "application/problem+json", "application/json-patch+json", "application/vnd.api+json", "application/json; charset=utf-16",
        "application/json; charset=bogus", "application/json; charset=\"utf-8\"", "application/json;;", "application/", "json",
        "*/*", "", "application/json; charset=utf-8; boundary=\"", "APPLICATION/JSON",
    ];

    // Query keys and headers the API reads without describing them in the document (the manage token, the waiting
    // room's pass and ticket, the site's language), plus what any client may send.
    private static readonly string[] UndocumentedQueryKeys = ["token", "culture", "ui-culture", "lang", "_", "", "a[b]"];

    private static readonly string[] OddRawSegments = ["%", "%zz", "%FF", "%C0%AF", "%2e%2e", "%2F", "..", ".", "%20", "+", "~", "a;b", "@"];

    public FuzzRequest Next(int index)
    {
        var operation = values.Pick(contract.Operations);
        var method = values.Chance(0.03) ? values.Pick(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) : operation.Method;
        var target = Target(operation);
        var headers = Headers();
        var (body, contentType) = operation.BodySchema is not null || values.Chance(0.1) ? Body(operation.BodySchema) : (null, null);
        return new FuzzRequest(index, operation, method, target, headers, body, contentType);
    }

    private string Target(ApiOperation operation)
    {
        var path = PathParameter().Replace(operation.PathTemplate, match =>
        {
            var name = match.Groups[1].Value;
            if (values.Chance(0.07))
                return values.Pick(OddRawSegments);
            var schema = operation.Parameters.FirstOrDefault(p => p.In == "path" && p.Name == name)?.Schema;
            // Servers refuse a NUL in the path before any application code runs (the in-memory server throws).
            return Encode(ParameterValue(name, schema).Replace("\0", ""));
        });
        var query = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            if (!values.Chance(0.65))
                continue;
            query.Add($"{Encode(parameter.Name)}={Encode(ParameterValue(parameter.Name, parameter.Schema))}");
            if (values.Chance(0.15))
                query.Add($"{Encode(parameter.Name)}={Encode(ParameterValue(parameter.Name, parameter.Schema))}");
        }
        if (values.Chance(0.3))
        {
            var key = values.Pick(UndocumentedQueryKeys);
            query.Add($"{Encode(key)}={Encode(ParameterValue(key, null))}");
        }
        if (values.Chance(0.05))
            query.Add(values.Pick(["", "=", "=x", "days", "&", "%", "%zz=1", "a=%FF", "service"]));
        if (values.Chance(0.05))
            query.Add($"{Encode(values.HostileString())}={Encode(values.HostileString())}");
        var target = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        if (target.Length <= MaxTargetLength)
            return target;
        var cut = target[..MaxTargetLength].LastIndexOf('%');
        return target[..(cut > 0 ? cut : MaxTargetLength)];
    }

    /// <summary>A path or query value as text: plausible for its name, else hostile, of the schema's type or not.</summary>
    private string ParameterValue(string name, JsonNode? schema)
    {
        if (values.Chance(0.55) && values.Plausible(name) is { } plausible)
            return Text(plausible);
        return values.Chance(0.2) ? values.HostileString() : Text(Scalar(contract.Resolve(schema), name));
    }

    private static string Text(FuzzJson value) => value is FuzzJson.String s ? s.Value : value.ToString().Trim('"');

    private List<KeyValuePair<string, string>> Headers()
    {
        var headers = new List<KeyValuePair<string, string>>();
        void Add(double chance, string name, Func<string> value)
        {
            if (values.Chance(chance))
                headers.Add(KeyValuePair.Create(name, HeaderSafe(value())));
        }
        Add(0.25, "Idempotency-Key", () => values.Chance(0.6) ? values.RandomGuid().ToString() : values.HostileString());
        Add(0.05, "Idempotency-Key", () => values.RandomGuid().ToString());
        Add(0.3, "X-Manage-Token", () => ParameterValue("token", null));
        Add(0.1, "X-Waiting-Room-Pass", values.HostileString);
        Add(0.1, "X-Waiting-Room-Ticket", values.HostileString);
        Add(0.1, "Accept", () => values.Pick(["application/xml", "*/*", "text/html", "application/problem+json;q=0", "application/json", "x"]));
        Add(0.1, "Accept-Language", () => values.Pick(["fr", "en-CA", "zz", "*", "fr;q=abc", values.HostileString()]));
        Add(0.1, "Cookie", () => $"{values.Pick(["waiting-room-pass-covid", "waiting-room-ticket-fuzz", ".AspNetCore.Culture", "x"])}={values.HostileString()}");
        Add(0.05, "X-Forwarded-For", () => values.Pick(["999.999.1.1", "::1, x", "", "127.0.0.1:99999", values.HostileString()]));
        return headers;
    }

    /// <summary>Printable ASCII only: the server (Kestrel) refuses other header bytes before the application sees them.</summary>
    private static string HeaderSafe(string value) => new(value.Where(c => c is >= ' ' and <= '~').ToArray());

    private (byte[]? Body, string? ContentType) Body(JsonNode? schema)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var roll = values.Random.Next(100);
            var (body, contentType) = roll switch
            {
                < 60 => (Utf8(Json(schema, null, 0).ToString()), JsonContentType()),
                < 75 => (Malformed(Json(schema, null, 0).ToString()), JsonContentType()),
                < 82 => (Utf8(values.Pick(["null", "[]", "\"x\"", "1", "true", "{}", "[{}]", "\"\""])), JsonContentType()),
                < 92 => (Utf8(Json(schema, null, 0).ToString()), values.Pick(WrongContentTypes)),
                < 96 => ([], JsonContentType()),
                _ => ((byte[]?)null, (string?)null),
            };
            if (contentType?.Contains("utf-16") == true && body is not null && values.Chance(0.5))
                body = Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(body));
            if (body is null || body.Length <= MaxBodyBytes)
                return (body, contentType);
        }
        return (Utf8("{}"), "application/json");
    }

    private string? JsonContentType() => values.Random.Next(10) switch
    {
        < 7 => "application/json",
        7 => "application/json; charset=utf-8",
        8 => null,
        _ => values.Pick(WrongContentTypes),
    };

    /// <summary>A value for a schema: usually of its type (plausible or at a boundary), sometimes of another type or null.</summary>
    private FuzzJson Json(JsonNode? schema, string? name, int depth)
    {
        var resolved = contract.Resolve(schema);
        if (name is not null && values.Chance(0.45) && values.Plausible(name) is { } plausible)
            return plausible;
        if (values.Chance(0.06))
            return FuzzJson.Null;
        if (values.Chance(0.08) || depth > 4)
            return values.Pick<Func<FuzzJson>>([
                values.Integer, values.Number, () => new FuzzJson.String(values.HostileString()), () => FuzzJson.Bool(values.Chance(0.5)),
                () => new FuzzJson.Array([]), () => new FuzzJson.Object([]), () => new FuzzJson.Array([FuzzJson.Null]),
            ])();
        return PrimaryType(resolved) switch
        {
            "object" => Object(resolved!, depth),
            "array" => new FuzzJson.Array(Enumerable.Range(0, values.Chance(0.05) ? values.Random.Next(50, 300) : values.Random.Next(0, 8))
                .Select(_ => Json(resolved!["items"], SingularOf(name), depth + 1)).ToList()),
            _ => Scalar(resolved, name),
        };
    }

    private FuzzJson Object(JsonNode schema, int depth)
    {
        var members = new List<KeyValuePair<string, FuzzJson>>();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            if (!values.Chance(0.1))
                members.Add(KeyValuePair.Create(values.Chance(0.03) ? name.ToUpperInvariant() : name, Json(property, name, depth + 1)));
        if (schema["additionalProperties"] is JsonObject entries)
            for (var i = values.Random.Next(0, 6); i > 0; i--)
                members.Add(KeyValuePair.Create(values.Chance(0.5) ? values.Pick(["fever", "requisition", "guillain-barre"]) : values.HostileString(),
                    Json(entries, null, depth + 1)));
        if (values.Chance(0.15))
            members.Add(KeyValuePair.Create(
                values.Pick(["extra", "$type", "__proto__", "constructor", "", "id", "status", members.Count > 0 ? values.Pick(members).Key : "x", values.HostileString()]),
                Json(null, null, depth + 1)));
        if (values.Chance(0.05))
            members.Reverse();
        return new FuzzJson.Object(members);
    }

    private FuzzJson Scalar(JsonNode? schema, string? name) => (PrimaryType(schema), schema?["format"]?.GetValue<string>()) switch
    {
        ("integer", _) => values.Integer(),
        ("number", _) => values.Number(),
        ("boolean", _) => values.Chance(0.8) ? FuzzJson.Bool(values.Chance(0.5)) : new FuzzJson.Token(values.Pick(["\"true\"", "1", "0", "True", "\"yes\""])),
        (_, "date-time") => new FuzzJson.String(values.Chance(0.8) ? values.BoundaryDateTime() : values.HostileString()),
        (_, "date") => new FuzzJson.String(values.Chance(0.8) ? values.BoundaryDate() : values.HostileString()),
        (_, "uuid") => new FuzzJson.String(values.Chance(0.8) ? values.Uuid() : values.HostileString()),
        _ => name is not null && values.Chance(0.3) && values.Plausible(name) is FuzzJson.String plausible
            ? plausible : new FuzzJson.String(values.HostileString()),
    };

    /// <summary>Object, array, number and boolean win over string: ASP.NET Core documents numbers as "integer or string".</summary>
    private static string PrimaryType(JsonNode? schema)
    {
        var types = ApiContract.Types(schema);
        return TypesByPrecedence.FirstOrDefault(types.Contains)
            ?? (schema?["properties"] is not null ? "object" : "string");
    }

    private static string? SingularOf(string? name) => name switch
    {
        "holdIds" => "holdId",
        _ => null,
    };

    /// <summary>JSON text broken the ways a buggy client or a proxy breaks it.</summary>
    private byte[] Malformed(string json)
    {
        var cut = json.Length == 0 ? 0 : values.Random.Next(json.Length);
        return values.Random.Next(12) switch
        {
            0 => Utf8(json[..cut]),
            1 => Utf8(json.Insert(cut, ((char)values.Random.Next(0, 0x20)).ToString())),
            2 => Utf8(json + values.Pick(["}", "}}}", ",", "]", " x", "\0"])),
            3 => Utf8(json.Replace('"', '\'')),
            4 => Utf8("{\"a\":1,}"),
            5 => Utf8("// comment\n" + json),
            6 => [0xEF, 0xBB, 0xBF, .. Utf8(json)],
            7 => Utf8(new string('[', 5_000) + new string(']', 5_000)),
            8 => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 3_000)) + "1" + new string('}', 3_000)),
            9 => [.. Utf8(json[..cut]), .. values.Pick<byte[]>([[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]), .. Utf8(json[cut..])],
            10 => Utf8(json.Replace(":", values.Pick([":NaN,\"x\":", ":Infinity,\"x\":", ":undefined,\"x\":", ":0x1F,\"x\":"]))),
            _ => Utf8(values.Pick(["", " ", "{", "\"", "nul", "{\"a\"}", "{\"a\" 1}", "[1 2]", "{\"\\uZZZZ\":1}", "\"\\ud800\""])),
        };
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Percent-encodes every byte outside the unreserved set; an unpaired surrogate becomes the bytes a lax
    /// encoder would write for it (ED A0 80), which are not UTF-8.</summary>
    private static string Encode(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
                continue;
            }
            byte[] bytes;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                bytes = Encoding.UTF8.GetBytes(value.Substring(i++, 2));
            else if (char.IsSurrogate(c))
                bytes = [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))];
            else
                bytes = Encoding.UTF8.GetBytes(c.ToString());
            foreach (var b in bytes)
                text.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
        }
        return text.ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex PathParameter();
}
