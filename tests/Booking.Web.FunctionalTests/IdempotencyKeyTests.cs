using System.Net;
using System.Net.Http.Json;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>A client that sends an Idempotency-Key believes its retries are safe: a key the server cannot use is refused
/// with a problem saying why, never taken as "no key". Over a real socket, so the header arrives as a client sends it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IdempotencyKeyTests(PlatformFixture platform) : IDisposable
{
    private readonly LoopbackHost _host = new(platform, new Dictionary<string, string?>());

    public void Dispose() => _host.Dispose();

    private static object HoldBody(int minute) =>
        new { locationId = CitizenApi.Plateau, service = "FLU", start = QuebecDate.At(QuebecDate.NextWeekday(13), 13, minute) };

    private async Task<HttpResponseMessage> Post(string path, object body, params string[] keys)
    {
        using var client = _host.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", keys);
        return await client.SendAsync(request);
    }

    private static async Task AssertRefused(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await CitizenApi.Json(response);
        Assert.Equal("/problems/idempotency-key-invalid", problem["type"]!.GetValue<string>());
        Assert.Equal(reason, problem["reason"]!.GetValue<string>());
        Assert.Contains("Idempotency-Key", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("two words", "invalid_character")]
    [InlineData("tab\tinside", "invalid_character")]
    public async Task An_unusable_key_is_a_400_that_says_why(string key, string reason)
    {
        await AssertRefused(await Post("/api/v1/holds", HoldBody(0), key), reason);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_refused_and_one_of_255_is_kept()
    {
        var longest = new string('k', 254) + Guid.NewGuid().ToString("N")[..1];

        await AssertRefused(await Post("/api/v1/holds", HoldBody(10), longest + "k"), "too_long");
        var first = await Post("/api/v1/holds", HoldBody(10), longest);
        var retry = await Post("/api/v1/holds", HoldBody(10), longest);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((await CitizenApi.Json(first))["holdId"]!.GetValue<string>(), (await CitizenApi.Json(retry))["holdId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_sent_twice_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/holds") { Content = JsonContent.Create(HoldBody(20)) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["first", "second"]);

        // In memory, where the two values stay two (a socket client would join them into one line).
        await AssertRefused(await platform.Http.SendAsync(request), "repeated");
    }

    [Theory]
    [InlineData("/api/v1/holds")]
    [InlineData("/api/v1/holds/group")]
    [InlineData("/api/v1/bookings")]
    [InlineData("/api/v1/group-bookings")]
    public async Task Every_operation_that_takes_a_key_refuses_an_empty_one(string path)
    {
        await AssertRefused(await Post(path, new { }, ""), "empty");
    }
}
