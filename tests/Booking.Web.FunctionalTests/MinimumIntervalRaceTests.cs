using System.Net;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>A service's minimum interval between two appointments holds when one citizen confirms many holds at once:
/// each confirmation passes the eligibility check alone, so the database decides.</summary>
[Collection(PlatformCollection.Name)]
public class MinimumIntervalRaceTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    [Fact]
    public async Task Eight_simultaneous_flu_confirmations_by_one_citizen_at_different_clinics_and_days_book_exactly_one()
    {
        var citizen = CitizenApi.NewCitizen(birthDate: "1961-04-12");
        (Guid Clinic, DateTimeOffset Start)[] slots =
        [
            (CitizenApi.Plateau, At(13, 12)), (CitizenApi.Plateau, At(13, 12, 10)), (CitizenApi.Stade, At(13, 12)), (CitizenApi.Plateau, At(14, 12)),
            (CitizenApi.Stade, At(14, 12)), (CitizenApi.Plateau, At(15, 12)), (CitizenApi.Stade, At(15, 12)), (CitizenApi.Plateau, At(16, 12)),
        ];
        var holds = await Task.WhenAll(slots.Select(s => _api.HoldId(s.Clinic, "FLU", s.Start)));

        var answers = await Task.WhenAll(holds.Select((hold, i) => _api.Confirm(hold, citizen, $"race-{i}-{Guid.NewGuid():N}")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await CitizenApi.Json(refused);
            Assert.Equal("/problems/not-eligible", problem["type"]!.GetValue<string>());
            Assert.Equal("too_soon", problem["reason"]!.GetValue<string>());
        }
        Assert.Equal(1L, await platform.Database.ScalarAsync<long>(
            "select count(*) from bookings where status = 'confirmed' and hold_digest in (select sha256(convert_to(h, 'UTF8')) from unnest(@h) h)",
            ("h", holds)));
    }

    private static DateTimeOffset At(int weekdaysAhead, int hour, int minute = 0) => QuebecDate.At(QuebecDate.NextWeekday(weekdaysAhead), hour, minute);
}
