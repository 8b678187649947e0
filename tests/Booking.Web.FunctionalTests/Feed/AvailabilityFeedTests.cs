using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Booking.Testing;
using Firely.Fhir.Validation;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Xunit.Abstractions;
using R4 = Hl7.Fhir.Model;

namespace Booking.Web.FunctionalTests.Feed;

/// <summary>The open availability feed (SMART Scheduling Links) read as a slot finder reads it, checked by the Firely
/// SDK, against bookings made through the public API.</summary>
[Collection(PlatformCollection.Name)]
public class AvailabilityFeedTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly DateOnly Day = QuebecDate.NextWeekday(7);
    private readonly CitizenApi _api = new(platform.Http);

    [Fact]
    public async Task Every_resource_is_valid_FHIR_R4_and_every_reference_resolves_within_the_feed()
    {
        await using var host = new FeedHost(platform);

        var built = Stopwatch.StartNew();
        var feed = await PublishedFeed.DownloadAsync(host.Http);
        built.Stop();

        Assert.Equal(new Uri(FeedHost.PublicBase, "fhir/$bulk-publish").AbsoluteUri, feed.Manifest["request"]!.GetValue<string>());
        Assert.Equal(TimeSpan.Zero, feed.Manifest["transactionTime"]!.GetValue<DateTimeOffset>().Offset);
        Assert.Equal(["Location", "Schedule", "Slot"], feed.Manifest["output"]!.AsArray().Select(o => o!["type"]!.GetValue<string>()).Distinct().Order());
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        var validator = new Validator(source, new LocalTerminologyService(source), null, new ValidationSettings());
        var errors = feed.Resources
            .SelectMany(r => validator.Validate(r, $"http://hl7.org/fhir/StructureDefinition/{r.TypeName}").Issue
                .Where(i => i.Severity is R4.OperationOutcome.IssueSeverity.Error or R4.OperationOutcome.IssueSeverity.Fatal)
                .Select(i => $"{r.TypeName}/{r.Id}: {i.Details?.Text} at {string.Join(", ", i.Expression)}"))
            .ToList();
        output.WriteLine($"{feed.Locations.Count()} locations, {feed.Schedules.Count()} schedules, {feed.Slots.Count()} slots, " +
            $"{feed.Bytes / 1024} KiB of NDJSON; first build and download {built.ElapsedMilliseconds} ms");
        Assert.Empty(errors);

        Assert.All(feed.Resources.GroupBy(r => (r.TypeName, r.Id)), g => Assert.Single(g));
        var locations = feed.Locations.Select(l => (string?)$"Location/{l.Id}").ToHashSet();
        var schedules = feed.Schedules.Select(s => (string?)$"Schedule/{s.Id}").ToHashSet();
        Assert.All(feed.Schedules, s => Assert.Contains(s.Actor.Single().Reference, locations));
        Assert.All(feed.Slots, s => Assert.Contains(s.Schedule.Reference, schedules));
        Assert.All(feed.Locations, l => Assert.Contains(feed.Schedules, s => s.Actor.Single().Reference == $"Location/{l.Id}"));
        Assert.All(feed.Slots, s => Assert.True(PublishedFeed.CapacityOf(s) > 0));
        Assert.All(feed.Slots, s => Assert.Equal(s.Status == R4.Slot.SlotStatus.Free, PublishedFeed.DeepLinkOf(s) is not null));
        Assert.All(feed.Slots, s => Assert.True(s.Start > host.Clock.Now && s.End > s.Start));
        var hauteVille = feed.Locations.Single(l => l.Id == CitizenApi.HauteVille.ToString("N"));
        Assert.Equal(("CLSC de la Haute-Ville", "G1R1S9"), (hauteVille.Name, hauteVille.Address?.PostalCode));
    }

    [Fact]
    public async Task A_booked_seat_is_published_busy_and_the_seats_left_free_and_a_full_slot_busy_only()
    {
        var halfFull = QuebecDate.At(Day, 9, 45);
        var full = QuebecDate.At(Day, 10);
        await _api.Book(CitizenApi.HauteVille, "BLOOD", halfFull);
        await _api.Book(CitizenApi.HauteVille, "BLOOD", full);
        await _api.Book(CitizenApi.HauteVille, "BLOOD", full);
        await Poll.UntilAsync(async () => await _api.Remaining("G1R1S9", "BLOOD", CitizenApi.HauteVille, halfFull) == 1,
            Poll.Propagation, "the booking to reach the availability index");
        await using var host = new FeedHost(platform);

        var feed = await PublishedFeed.DownloadAsync(host.Http);

        var shared = feed.SlotsAt(CitizenApi.HauteVille, "BLOOD", halfFull);
        Assert.Equal(["busy", "free"], shared.Keys.Order());
        Assert.Equal((1, 1), (PublishedFeed.CapacityOf(shared["free"]), PublishedFeed.CapacityOf(shared["busy"])));
        var taken = feed.SlotsAt(CitizenApi.HauteVille, "BLOOD", full);
        Assert.Equal(["busy"], taken.Keys);
        Assert.Equal(2, PublishedFeed.CapacityOf(taken["busy"]));
        var untouched = feed.SlotsAt(CitizenApi.HauteVille, "BLOOD", QuebecDate.At(Day, 11, 45));
        Assert.Equal(["free"], untouched.Keys);
        Assert.Equal(2, PublishedFeed.CapacityOf(untouched["free"]));
    }

    [Fact]
    public async Task The_feed_is_rebuilt_once_a_minute_at_most_so_a_booking_shows_after_the_minute_not_before()
    {
        var start = QuebecDate.At(Day, 10, 30);
        await using var host = new FeedHost(platform);
        var before = await PublishedFeed.DownloadAsync(host.Http);
        var firstTag = (await host.Http.GetAsync("/fhir/$bulk-publish")).Headers.ETag?.Tag;

        await _api.Book(CitizenApi.HauteVille, "BLOOD", start);
        await Poll.UntilAsync(async () => await _api.Remaining("G1R1S9", "BLOOD", CitizenApi.HauteVille, start) == 1,
            Poll.Propagation, "the booking to reach the availability index");
        // Past the snapshots' second, within the feed's minute: a rebuild would see the booking.
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var cached = await PublishedFeed.DownloadAsync(host.Http);
        host.Clock.Advance(TimeSpan.FromSeconds(31));
        await Poll.UntilAsync(async () => (await host.Http.GetAsync("/fhir/$bulk-publish")).Headers.ETag?.Tag != firstTag, TimeSpan.FromSeconds(20),
            "the next edition");
        var rebuilt = await PublishedFeed.DownloadAsync(host.Http);

        Assert.Equal(["free"], before.SlotsAt(CitizenApi.HauteVille, "BLOOD", start).Keys);
        Assert.Equal(before.Manifest.ToJsonString(), cached.Manifest.ToJsonString());
        Assert.Equal(["free"], cached.SlotsAt(CitizenApi.HauteVille, "BLOOD", start).Keys);
        Assert.Equal(["busy", "free"], rebuilt.SlotsAt(CitizenApi.HauteVille, "BLOOD", start).Keys.Order());
        Assert.True(rebuilt.Manifest["transactionTime"]!.GetValue<DateTimeOffset>() > before.Manifest["transactionTime"]!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [InlineData("/fhir/$bulk-publish")]
    [InlineData("/fhir/bulk/locations.ndjson")]
    public async Task A_copy_that_is_still_current_gets_a_304_by_its_strong_etag(string path)
    {
        await using var host = new FeedHost(platform);
        var first = await host.Http.GetAsync(path);
        var tag = first.Headers.ETag!;

        var same = await Conditional(host.Http, path, tag.Tag);
        var weakly = await Conditional(host.Http, path, $"W/{tag.Tag}");
        var listed = await Conditional(host.Http, path, $"\"older\", {tag.Tag}");
        var other = await Conditional(host.Http, path, "\"older\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(tag.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal([HttpStatusCode.NotModified, HttpStatusCode.NotModified, HttpStatusCode.NotModified], [same.StatusCode, weakly.StatusCode, listed.StatusCode]);
        Assert.Empty(await same.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, same.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await other.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_the_manifest_does_not_list_is_a_404_problem()
    {
        await using var host = new FeedHost(platform);

        var response = await host.Http.GetAsync("/fhir/bulk/patients.ndjson");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/feed-file-not-found", (await CitizenApi.Json(response))["type"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient http, string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return http.SendAsync(request);
    }
}
