using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Booking.Data.Demo;
using Booking.Domain.Catalog;
using Booking.Identity.Clients;
using Booking.Reporting.Building;
using Booking.Reporting.Datasets;
using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Booking.Admin.Tests;

/// <summary>The identity server's machine clients against the extracts API: a token reaches only its scopes and its
/// tenant subtree, and an expired, forged or revoked one reaches nothing.</summary>
[Collection(AdminCollection.Name)]
public sealed class BiApiTests(AdminFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.SiteAddress };

    /// <summary>The citizens' surname, this test's own: a citizen booked twice in one interval would be refused.</summary>
    private readonly string _surname = $"Machine{Guid.NewGuid():N}"[..15];
    private DateOnly _day;
    private Guid _operator;

    public async Task InitializeAsync()
    {
        _operator = (await fixture.EnrolledAsync(DemoSeed.Ministry, new RoleGrant(StaffRole.PlatformOperator, DemoSeed.Ministry))).Id;
        var bookings = new TestBookings(fixture);
        var montreal = await bookings.BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Agathe", _surname);
        await bookings.BookAsync(DemoSeed.QuebecRegion, TestBookings.QuebecClinic, "Basile", _surname);
        _day = QuebecTime.DateOf(QuebecTime.Zone, montreal.SlotStart);
        await fixture.Services.GetRequiredService<ExtractBuilder>().BuildAsync(ExtractDay.Of(_day));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Discovery_and_signing_keys_are_published()
    {
        using var discovery = JsonDocument.Parse(await _http.GetStringAsync(".well-known/openid-configuration"));
        var jwksUri = discovery.RootElement.GetProperty("jwks_uri").GetString()!;
        using var jwks = JsonDocument.Parse(await _http.GetStringAsync(jwksUri));

        Assert.EndsWith("/connect/token", discovery.RootElement.GetProperty("token_endpoint").GetString());
        Assert.Contains("client_credentials", discovery.RootElement.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        var key = Assert.Single(jwks.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal(("EC", "P-256"), (key.GetProperty("kty").GetString(), key.GetProperty("crv").GetString()));
        Assert.False(key.TryGetProperty("d", out _), "the private part is never published");
    }

    [Fact]
    public async Task A_token_reads_its_dataset_over_its_tenant_subtree_only_and_the_download_is_logged()
    {
        var client = await CreateAsync(DemoSeed.MontrealRegion, BiScopes.Of(BookingsDataset.Name));
        var token = await TokenAsync(client);

        var (status, csv) = await GetAsync(token, $"api/bi/v1/bookings/{_day:yyyy-MM-dd}/csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(TestBookings.MontrealClinic.ToString(), csv);
        Assert.DoesNotContain(TestBookings.QuebecClinic.ToString(), csv);
        Assert.DoesNotContain(_surname, csv);
        Assert.DoesNotContain("Agathe", csv);
        Assert.DoesNotContain("@example.org", csv);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from extract_downloads where actor = @actor",
            ("actor", $"client:{client.ClientId}")));
        var stored = await fixture.Database.ScalarAsync<byte[]>("select secret_hash from machine_clients where client_id = @id", ("id", client.ClientId));
        Assert.Equal(Booking.Data.Identity.ClientSecrets.Hash(client.Secret), stored);
    }

    [Fact]
    public async Task A_token_without_the_datasets_scope_gets_403_and_a_scope_not_granted_is_refused()
    {
        var client = await CreateAsync(DemoSeed.Ministry, BiScopes.Of(CapacityDataset.Name));
        var token = await TokenAsync(client);

        var (status, body) = await GetAsync(token, $"api/bi/v1/bookings/{_day:yyyy-MM-dd}/csv");
        var refused = await RequestTokenAsync(client.ClientId, client.Secret, BiScopes.Of(BookingsDataset.Name));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("bi.bookings", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("invalid_scope", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(token, $"api/bi/v1/capacity/{_day:yyyy-MM-dd}/parquet")).Status);
    }

    [Fact]
    public async Task Another_tenant_than_the_clients_own_subtree_does_not_exist_for_it()
    {
        var client = await CreateAsync(DemoSeed.MontrealRegion, BiScopes.Of(BookingsDataset.Name));
        var token = await TokenAsync(client);

        var other = await GetAsync(token, $"api/bi/v1/bookings/{_day:yyyy-MM-dd}/csv?tenant={DemoSeed.QuebecRegion}");
        var above = await GetAsync(token, $"api/bi/v1/bookings/{_day:yyyy-MM-dd}/csv?tenant={DemoSeed.Ministry}");
        var own = await GetAsync(token, $"api/bi/v1/bookings/{_day:yyyy-MM-dd}/csv?tenant={DemoSeed.MontrealRegion}");

        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal(HttpStatusCode.NotFound, above.Status);
        Assert.DoesNotContain(TestBookings.QuebecClinic.ToString(), other.Body);
        Assert.Equal(HttpStatusCode.OK, own.Status);
    }

    [Fact]
    public async Task An_expired_or_forged_token_and_no_token_get_401()
    {
        var client = await CreateAsync(DemoSeed.Ministry, BiScopes.Of(BookingsDataset.Name));
        var signing = fixture.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];
        // The host's clock, which BOOKING_TEST_NOW may have moved: expiry is judged by it.
        var now = fixture.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var expired = Token(client.ClientId, signing, expires: now.AddMinutes(-10));
        var forged = Token(client.ClientId, new SigningCredentials(new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create()), SecurityAlgorithms.EcdsaSha256),
            expires: now.AddMinutes(5));
        var address = $"api/bi/v1/bookings/{_day:yyyy-MM-dd}/csv";

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(expired, address)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(forged, address)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync(address)).StatusCode);
        // The same shape, signed by the server and still valid, is accepted: the refusals above are for expiry and signature.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Token(client.ClientId, signing, now.AddMinutes(5)), address)).Status);
    }

    [Fact]
    public async Task A_revoked_client_gets_no_token_and_its_last_token_opens_nothing_a_rotated_secret_is_refused()
    {
        var client = await CreateAsync(DemoSeed.Ministry, BiScopes.Of(BookingsDataset.Name));
        var token = await TokenAsync(client);
        var administration = fixture.Services.CreateScope().ServiceProvider.GetRequiredService<MachineClientAdministration>();
        var actor = new StaffActor(_operator, IPAddress.Loopback);

        var (_, rotated) = await administration.RotateAsync(actor, client.Id, 1);
        var oldSecret = await RequestTokenAsync(client.ClientId, client.Secret, null);
        var newSecret = await RequestTokenAsync(client.ClientId, rotated!.Secret, null);
        Assert.Equal(ClientChangeOutcome.Done, await administration.RevokeAsync(actor, client.Id, 2));
        var afterRevocation = await RequestTokenAsync(client.ClientId, rotated.Secret, null);

        Assert.Contains("invalid_client", await oldSecret.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, newSecret.StatusCode);
        Assert.Contains("invalid_client", await afterRevocation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(token, $"api/bi/v1/bookings/{_day:yyyy-MM-dd}/csv")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(token, "api/bi/v1/datasets")).Status);
        Assert.Equal("created,rotated,revoked", await fixture.Database.ScalarAsync<string>(
            "select string_agg(action, ',' order by id) from machine_client_audit where machine_client_id = @id", ("id", client.Id)));
    }

    [Fact]
    public async Task A_staff_session_opens_nothing_in_the_machine_api()
    {
        // A ministry analyst who may download the very same extract on the staff site, and an operator over everything.
        var (_, analyst) = await fixture.SignedInAsync(DemoSeed.Ministry, new RoleGrant(StaffRole.MinistryAnalyst, DemoSeed.Ministry),
            new RoleGrant(StaffRole.PlatformOperator, DemoSeed.Ministry));
        using var _ = analyst;

        var onTheSite = await analyst.GetAsync($"extracts/bookings/{_day:yyyy-MM-dd}/csv");
        var datasets = await analyst.GetAsync("api/bi/v1/datasets");
        var extract = await analyst.GetAsync($"api/bi/v1/bookings/{_day:yyyy-MM-dd}/csv");

        Assert.Equal(HttpStatusCode.OK, onTheSite.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, datasets.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, extract.StatusCode);
        Assert.DoesNotContain(TestBookings.MontrealClinic.ToString(), await extract.Content.ReadAsStringAsync());
    }

    private async Task<IssuedSecret> CreateAsync(Guid tenant, params string[] scopes)
    {
        using var scope = fixture.Services.CreateScope();
        var (outcome, issued) = await scope.ServiceProvider.GetRequiredService<MachineClientAdministration>()
            .CreateAsync(new StaffActor(_operator, IPAddress.Loopback), "Système BI du ministère", tenant, scopes);
        Assert.Equal(ClientChangeOutcome.Done, outcome);
        return issued!;
    }

    private async Task<string> TokenAsync(IssuedSecret client)
    {
        var response = await RequestTokenAsync(client.ClientId, client.Secret, null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        Assert.InRange(json.RootElement.GetProperty("expires_in").GetInt32(), 1, 300);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
            form["scope"] = scope;
        return _http.PostAsync("connect/token", new FormUrlEncodedContent(form));
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string token, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An access token made by hand, as the server makes them (at+jwt, its issuer, the client as subject).</summary>
    private string Token(string clientId, SigningCredentials signing, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = fixture.SiteAddress.AbsoluteUri,
            TokenType = "at+jwt",
            SigningCredentials = signing,
            IssuedAt = expires.AddMinutes(-10),
            NotBefore = expires.AddMinutes(-10),
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientId, ["client_id"] = clientId, ["scope"] = "bi.bookings", ["jti"] = Guid.NewGuid().ToString(),
            },
        });
}
