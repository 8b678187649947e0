using System.Net;
using Booking.Testing;
using Booking.Web.FunctionalTests;

namespace Booking.Operations.Tests;

/// <summary>What Prometheus reads from a real silo after citizens booked through the API: each business instrument,
/// defined where its event happens, with the value those calls must give. The only silo in this test assembly, so
/// nothing else moves its counters.</summary>
public sealed class BusinessMetricsTests(ScrapedSiloPlatform platform) : IClassFixture<ScrapedSiloPlatform>
{
    [Fact]
    public async Task After_a_booking_and_a_refused_hold_the_silo_s_metrics_count_each_outcome_the_commit_and_the_activations()
    {
        var api = new CitizenApi(platform.Http);
        var day = QuebecDate.NextWeekday(5);
        await api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(day, 9));
        var refused = await api.Hold(CitizenApi.Plateau, "FLU", QuebecDate.At(day, 9, 3));

        using var scraper = new HttpClient();
        var scrape = await scraper.GetAsync(platform.SiloMetrics);
        var metrics = new PrometheusText(await scrape.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal(1, metrics.Value("booking_holds_total", ("outcome", "held")));
        Assert.Equal(1, metrics.Value("booking_holds_total", ("outcome", "no-such-slot")));
        Assert.Equal(1, metrics.Value("booking_confirmations_total", ("outcome", "confirmed")));
        Assert.Equal(1, metrics.Value("booking_commit_batch_size_count"));
        Assert.Equal(1, metrics.Value("booking_commit_batch_size_bucket", ("le", "1")));
        Assert.True(metrics.Value("orleans_catalog_activations", ("grain_type", "locationday")) >= 1, metrics.Text);
    }
}
