using System.Net;
using System.Text;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>Request bodies over the limits (64 KB on the API, 256 KB for the site's form posts) are refused with a 413
/// problem before being read, over real HTTP.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RequestSizeTests(PlatformFixture platform) : IDisposable
{
    private readonly LoopbackHost _host = new(platform, new Dictionary<string, string?>());

    public void Dispose() => _host.Dispose();

    /// <summary>A hold request padded with an unknown member, so only its size is wrong.</summary>
    private static string PaddedHold(int bytes) =>
        $$"""{"locationId":"{{CitizenApi.Plateau}}","service":"FLU","start":"2030-01-07T14:00:00Z","padding":"{{new string('x', bytes)}}"}""";

    [Fact]
    public async Task An_API_body_over_64_KB_is_refused_with_a_413_problem()
    {
        using var client = _host.Client();

        var response = await client.PostAsync("/api/v1/holds", new StringContent(PaddedHold(100_000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await CitizenApi.Json(response);
        Assert.Equal("/problems/request-too-large", problem["type"]!.GetValue<string>());
        Assert.Equal(65_536, problem["limitBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_API_body_sent_without_a_length_is_cut_at_the_limit_and_answered_413()
    {
        using var client = _host.Client();
        var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(PaddedHold(1_000_000))));
        body.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/holds") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read_as_before()
    {
        using var client = _host.Client();

        var response = await client.PostAsync("/api/v1/holds", new StringContent(PaddedHold(30_000), Encoding.UTF8, "application/json"));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task A_site_form_post_over_its_limit_is_refused_with_a_413()
    {
        using var client = _host.Client();

        var response = await client.PostAsync("/privacy-complaint", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "complaint",
            ["Complaint.Text"] = new string('x', 300_000),
        }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
