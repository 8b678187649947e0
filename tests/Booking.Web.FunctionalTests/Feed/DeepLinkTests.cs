using System.Diagnostics.Metrics;
using System.Net;
using System.Text.RegularExpressions;
using Booking.ServiceDefaults.Metrics;
using Booking.Testing;
using Booking.Web.Site;

namespace Booking.Web.FunctionalTests.Feed;

/// <summary>A free slot's booking deep link opens the site's page for that clinic, service and day with the slot's time
/// to pick, keeps the finder's <c>source</c> and <c>booking-referral</c> in its links, and a hold made there counts
/// for the source.</summary>
[Collection(PlatformCollection.Name)]
public class DeepLinkTests(PlatformFixture platform)
{
    private static readonly DateTimeOffset Start = QuebecDate.At(QuebecDate.NextWeekday(7), 11);

    [Fact]
    public async Task A_free_slots_deep_link_opens_the_booking_page_of_its_clinic_and_day_with_its_time()
    {
        var link = await DeepLinkAsync();

        var page = await platform.Http.GetAsync($"{link.PathAndQuery}&source=vaxfinder&booking-referral=34d1a803-cd6c-4420-9cf5-c5edcc533538");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("CLSC de la Haute-Ville", Regex.Match(html, "<h2 id=\"slots-title\">([^<]*)</h2>").Groups[1].Value);
        Assert.Contains($"value=\"{Start.ToOffset(QuebecDate.Zone.GetUtcOffset(Start)):O}\"", html);
        Assert.Matches("<a class=\"day day--selected\" href=\"[^\"]*source=vaxfinder[^\"]*booking-referral=34d1a803-cd6c-4420-9cf5-c5edcc533538", html);
    }

    [Fact]
    public async Task An_odd_source_or_referral_is_accepted_harmlessly()
    {
        var link = await DeepLinkAsync();

        var page = await platform.Http.GetAsync($"{link.PathAndQuery}&source=%3Cscript%3Ealert(1)%3C%2Fscript%3E&booking-referral={new string('x', 2000)}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_hold_taken_from_a_deep_link_counts_for_the_finder_that_sent_the_visitor()
    {
        var source = $"finder-{Guid.NewGuid():N}"[..20];
        var counted = new List<(long Seats, string? Source)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Name: FeedReferrals.InstrumentName, Meter.Name: PlatformMetrics.MeterName })
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, seats, tags, _) =>
        {
            lock (counted)
                counted.Add((seats, tags.ToArray().Single(t => t.Key == "source").Value as string));
        });
        listener.Start();
        var page = $"{(await DeepLinkAsync()).PathAndQuery}&source={source.ToUpperInvariant()}&booking-referral=abc";
        var html = await platform.Http.GetStringAsync(page);

        var hold = await platform.Http.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "hold",
            ["__RequestVerificationToken"] = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["Pick.Location"] = CitizenApi.HauteVille.ToString(),
            ["Pick.Start"] = Start.ToString("O"),
        }));

        Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
        Assert.Equal("/screening", hold.RequestMessage?.RequestUri?.AbsolutePath);
        lock (counted)
            Assert.Equal([(1L, source)], counted.Where(c => c.Source == source).ToList());
    }

    /// <summary>The deep link of the free Slot at <see cref="Start"/> at the Haute-Ville clinic, as the feed publishes it.</summary>
    private async Task<Uri> DeepLinkAsync()
    {
        await using var host = new FeedHost(platform);
        var feed = await PublishedFeed.DownloadAsync(host.Http);
        var link = new Uri(PublishedFeed.DeepLinkOf(feed.SlotsAt(CitizenApi.HauteVille, "BLOOD", Start)["free"])!);
        Assert.Equal(FeedHost.PublicBase.Authority, link.Authority);
        return link;
    }
}
