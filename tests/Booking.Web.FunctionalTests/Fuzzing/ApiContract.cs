using System.Text.Json.Nodes;

namespace Booking.Web.FunctionalTests.Fuzzing;

/// <summary>One parameter of an operation (path, query or header) with its JSON schema.</summary>
public sealed record ApiParameter(string Name, string In, JsonNode? Schema);

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and JSON body schema (if any),
/// with every <c>$ref</c> left for <see cref="ApiContract.Resolve"/> to follow.</summary>
public sealed record ApiOperation(string Method, string PathTemplate, IReadOnlyList<ApiParameter> Parameters, JsonNode? BodySchema)
{
    public override string ToString() => $"{Method} {PathTemplate}";
}

/// <summary>The operations the running host describes in its OpenAPI document, so that a new endpoint is fuzzed
/// without anyone touching the fuzzer.</summary>
public sealed class ApiContract(JsonNode document, IReadOnlyList<ApiOperation> operations)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public IReadOnlyList<ApiOperation> Operations => operations;

    public static ApiContract Read(JsonNode document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray() ?? [];
            foreach (var method in Methods)
            {
                if (item[method] is not { } operation)
                    continue;
                var parameters = shared.Concat(operation["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
                    .ToList();
                var content = operation["requestBody"]?["content"]?.AsObject();
                var body = content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?["schema"];
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, body));
            }
        }
        return new ApiContract(document, operations);
    }

    /// <summary>The schema itself, or the one its <c>$ref</c> (or its first non-null <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>) points at.</summary>
    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var depth = 0; schema is not null && depth < 16; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = reference.Split('/').Skip(1).Aggregate((JsonNode?)document, (node, part) => node?[part]);
                continue;
            }
            var alternatives = (schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"])?.AsArray();
            if (alternatives is null)
                return schema;
            schema = alternatives.FirstOrDefault(a => !Types(a).SequenceEqual(["null"])) ?? alternatives.FirstOrDefault();
        }
        return schema;
    }

    /// <summary>The schema's <c>type</c> as a list (OpenAPI 3.1 allows one name or several), without "null".</summary>
    public static IReadOnlyList<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).Where(t => t != "null").DefaultIfEmpty("null").ToList(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };
}
