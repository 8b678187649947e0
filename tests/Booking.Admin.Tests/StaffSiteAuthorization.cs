using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Booking.Admin.Tests;

/// <summary>What a staff site sends the identity server, made by hand so a test can change any part of it: an
/// authorization request with its PKCE pair, and the exchange of the code it brings back.</summary>
public sealed class StaffSiteAuthorization(Uri site)
{
    public string ClientId { get; init; } = AdminFixture.StaffSiteClientId;

    public string RedirectUri { get; init; } = new Uri(site, "signin-oidc").ToString();

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether the request carries the PKCE challenge.</summary>
    public bool WithChallenge { get; init; } = true;

    public string RequestPath()
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid",
            ["state"] = Guid.NewGuid().ToString("N"),
            ["nonce"] = Guid.NewGuid().ToString("N"),
        };
        if (WithChallenge)
        {
            query["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
            query["code_challenge_method"] = "S256";
        }
        return QueryHelpers.AddQueryString("connect/authorize", query);
    }

    /// <summary>The code in the server's redirect to the site, or null when there is none.</summary>
    public static string? Code(HttpResponseMessage response) =>
        response.Headers.Location is { } location && QueryHelpers.ParseQuery(location.Query).TryGetValue("code", out var code) ? code.ToString() : null;

    /// <summary>Exchanges a code at the token endpoint as the site's server does: its status and its JSON body.</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> ExchangeAsync(string code, string? verifier = null)
    {
        using var http = new HttpClient { BaseAddress = site };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
            ["code_verifier"] = verifier ?? Verifier,
        }));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
