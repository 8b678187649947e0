using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Booking.Testing;
using Booking.Web.Availability;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>
/// The availability API keeps each answer while what it was built from is unchanged, over real HTTP against the test
/// silo. The web host runs on a clock that moves only when a test moves it, so "within the same second" and "just
/// after a slot started" are exact; its answers are counted from its own metric.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AvailabilityAnswerTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private readonly WebApplicationFactory<Program> _host;
    private readonly HttpClient _http;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _answers = new();

    public AvailabilityAnswerTests(PlatformFixture platform)
    {
        _host = platform.WebHostWith(new Dictionary<string, string?>(),
            web => web.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock))));
        _http = _host.CreateClient();
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        // Only this host's meter: the suite's other web hosts count their own answers.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == AvailabilityAnswers.InstrumentName && instrument.Meter.Scope == meters)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, count, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "source" && tag.Value is string source)
                    _answers.AddOrUpdate(source, count, (_, n) => n + count);
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _http.Dispose();
        _host.Dispose();
    }

    private long Answers(string source) => _answers.GetValueOrDefault(source);

    private async Task<string> Search(string query)
    {
        var response = await _http.GetAsync($"/api/v1/availability?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_same_search_within_the_same_second_is_the_answer_kept_byte_for_byte()
    {
        var query = $"service=COVID19&postalCode=H2X1Y4&from={QuebecDate.NextWeekday(3):yyyy-MM-dd}&days=3";

        var first = await Search(query);
        var second = await Search(query);

        Assert.Equal(first, second);
        Assert.NotEmpty(JsonNode.Parse(first)!["locations"]!.AsArray());
        Assert.Equal((1L, 1L), (Answers("built"), Answers("kept")));
    }

    [Fact]
    public async Task An_answer_whose_first_slot_has_started_is_built_again_without_that_slot()
    {
        var query = $"service=BLOOD&postalCode=G1R4P5&from={QuebecDate.NextWeekday(7):yyyy-MM-dd}&days=1&limit=1&slotsPerLocation=2";
        var slots = Slots(await Search(query));
        Assert.Equal(2, slots.Count);

        // Just before the first slot starts, then just after: well within the second the day's picture is kept, so
        // only the slot's start can tell the kept answer from a new one.
        _clock.SetUtcNow(slots[0] - TimeSpan.FromMilliseconds(300));
        Assert.Equal(slots[0], Slots(await Search(query))[0]);
        var built = Answers("built");
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var after = Slots(await Search(query));

        Assert.Equal(slots[1], after[0]);
        Assert.Equal(built + 1, Answers("built"));
    }

    [Fact]
    public async Task The_api_document_still_describes_the_answer_as_an_availability_response()
    {
        var document = JsonNode.Parse(await (await _http.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;

        var schema = document["paths"]!["/api/v1/availability"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/AvailabilityResponse", schema["$ref"]!.GetValue<string>());
    }

    private static List<DateTimeOffset> Slots(string answer) =>
        JsonNode.Parse(answer)!["locations"]!.AsArray().Single()!["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<DateTimeOffset>()).ToList();
}
