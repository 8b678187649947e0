using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.Passes;

/// <summary>The public keys a verifier trusts (RFC 7517 JWK Set), served at <c>/.well-known/jwks.json</c>.</summary>
public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKey> Keys)
{
    public const string MediaType = "application/jwk-set+json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a published set, e.g. one a clinic's scanner downloaded; entries that are not usable
    /// ES256 keys are dropped rather than trusted.</summary>
    public static JsonWebKeySet Parse(string json)
    {
        var set = JsonSerializer.Deserialize<JsonWebKeySet>(json, Json)
                  ?? throw new JsonException("A JWK Set must be a JSON object with a 'keys' array.");
        return new JsonWebKeySet((set.Keys ?? []).Where(k => k is not null && k.IsUsableEs256Key).ToList());
    }

    public JsonWebKey? Find(string kid) => Keys.FirstOrDefault(k => k.Kid == kid);
}
