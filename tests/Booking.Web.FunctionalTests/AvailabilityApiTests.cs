using System.Net;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

[Collection(PlatformCollection.Name)]
public class AvailabilityApiTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    [Fact]
    public async Task Services_are_listed_with_french_and_english_names()
    {
        var services = (await CitizenApi.Json(await platform.Http.GetAsync("/api/v1/services"))).AsArray();

        Assert.Equal(["BLOOD", "COVID19", "FLU"], services.Select(s => s!["code"]!.GetValue<string>()));
        Assert.Equal("Vaccin contre la COVID-19", services[1]!["nameFr"]!.GetValue<string>());
        Assert.Equal("COVID-19 vaccine", services[1]!["nameEn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_downtown_montreal_postal_code_gets_montreal_clinics_nearest_first_and_no_quebec_city_clinic()
    {
        var date = QuebecDate.NextWeekday(2);
        var body = await CitizenApi.Json(await platform.Http.GetAsync($"/api/v1/availability?service=COVID19&postalCode=h2z 1h2&from={date:yyyy-MM-dd}&days=2"));

        var locations = body["locations"]!.AsArray();
        var distances = locations.Select(l => l!["distanceKm"]!.GetValue<double>()).ToList();
        Assert.Equal("H2Z 1H2", body["postalCode"]!.GetValue<string>());
        Assert.Equal("Palais des congrès de Montréal", locations[0]!["name"]!.GetValue<string>());
        Assert.Equal(distances.Order(), distances);
        Assert.DoesNotContain(locations, l => l!["city"]!.GetValue<string>() == "Québec");
        var firstSlot = locations[0]!["slots"]![0]!;
        // Times are given in the clinic's own offset (-05:00 in winter, -04:00 in summer).
        var start = firstSlot["start"]!.GetValue<DateTimeOffset>();
        Assert.Equal(QuebecDate.Zone.GetUtcOffset(start), start.Offset);
        Assert.InRange(firstSlot["remaining"]!.GetValue<int>(), 1, 10);
    }

    [Fact]
    public async Task Each_clinic_lists_its_earliest_free_slots_up_to_the_asked_number()
    {
        var from = QuebecDate.NextWeekday(2);
        // Four days always hold two weekdays (the nearest clinic, the CLSC, is closed at weekends): over a hundred slots.
        var all = await CitizenApi.Json(await platform.Http.GetAsync($"/api/v1/availability?service=FLU&postalCode=H2H2B4&from={from:yyyy-MM-dd}&days=4&slotsPerLocation=500"));
        var few = await CitizenApi.Json(await platform.Http.GetAsync($"/api/v1/availability?service=FLU&postalCode=H2H2B4&from={from:yyyy-MM-dd}&days=4&slotsPerLocation=3"));

        var allStarts = all["locations"]![0]!["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<DateTimeOffset>()).ToList();
        var fewStarts = few["locations"]![0]!["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.True(allStarts.Count > 100);
        Assert.Equal(allStarts.Order(), allStarts);
        Assert.Equal(allStarts.Take(3), fewStarts);
    }

    [Fact]
    public async Task A_quebec_city_postal_code_is_not_sent_to_montreal()
    {
        var body = await CitizenApi.Json(await platform.Http.GetAsync($"/api/v1/availability?service=FLU&postalCode=G1R4P5&from={QuebecDate.NextWeekday(2):yyyy-MM-dd}"));

        var cities = body["locations"]!.AsArray().Select(l => l!["city"]!.GetValue<string>()).Distinct();
        Assert.Equal(["Québec"], cities);
    }

    [Fact]
    public async Task A_held_seat_disappears_from_the_search()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(3), 13);
        var before = await _api.Remaining("H2H2B4", "FLU", CitizenApi.Plateau, start);

        await _api.HoldId(CitizenApi.Plateau, "FLU", start);

        await Poll.UntilAsync(async () => await _api.Remaining("H2H2B4", "FLU", CitizenApi.Plateau, start) == before - 1,
            Poll.Propagation, "the hold to show in the search");
    }

    [Theory]
    [InlineData("service=COVID19&postalCode=12345", "postalCode")]
    [InlineData("service=COVID19&postalCode=Z1Z1Z1", "postalCode")]
    [InlineData("service=NOPE&postalCode=H2X1Y4", "service")]
    [InlineData("postalCode=H2X1Y4", "service")]
    [InlineData("service=COVID19&postalCode=H2X1Y4&from=2020-01-01", "from")]
    [InlineData("service=COVID19&postalCode=H2X1Y4&from=tomorrow", "from")]
    [InlineData("service=COVID19&postalCode=H2X1Y4&days=0", "days")]
    [InlineData("service=COVID19&postalCode=H2X1Y4&days=90", "days")]
    [InlineData("service=COVID19&postalCode=H2X1Y4&radiusKm=0", "radiusKm")]
    [InlineData("service=COVID19&postalCode=H2X1Y4&slotsPerLocation=0", "slotsPerLocation")]
    public async Task Bad_search_input_gets_a_validation_problem_naming_the_field(string query, string field)
    {
        var response = await platform.Http.GetAsync($"/api/v1/availability?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await CitizenApi.Json(response))["errors"]![field]);
    }

    [Fact]
    public async Task A_number_that_is_not_a_number_is_a_400_problem_not_a_500()
    {
        var response = await platform.Http.GetAsync("/api/v1/availability?service=COVID19&postalCode=H2X1Y4&days=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/problems/malformed-request", (await CitizenApi.Json(response))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_endpoints_report_the_database_and_the_cluster()
    {
        Assert.Equal(HttpStatusCode.OK, (await platform.Http.GetAsync("/health")).StatusCode);
        var ready = await CitizenApi.Json(await platform.Http.GetAsync("/health/ready"));

        Assert.Equal("Healthy", ready["checks"]!["postgresql"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", ready["checks"]!["orleans"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_api_is_described_by_openapi()
    {
        var document = await CitizenApi.Json(await platform.Http.GetAsync("/openapi/v1.json"));

        Assert.NotNull(document["paths"]!["/api/v1/holds"]);
        Assert.NotNull(document["paths"]!["/api/v1/bookings/{code}/reschedule"]);
    }
}
