using Booking.Data.Audit;
using Booking.Testing;
using Booking.Web.FunctionalTests;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests.Offer;

/// <summary>A closure saved while citizens are confirming bookings in the hours it closes: whichever wins, no booking is
/// left in a slot the schedule no longer has (the clinic-day checks and narrows in one turn; see decisions/0005).</summary>
[Collection(OfferCollection.Name)]
public sealed class ScheduleRaceTests(OfferFixture fixture)
{
    private CitizenApi Citizens => new(fixture.Http);

    private async Task<bool> TryBookAsync(DateTimeOffset start)
    {
        var hold = await Citizens.Hold(DemoClinics.StadeOlympique, "FLU", start);
        if (hold.StatusCode != System.Net.HttpStatusCode.Created)
            return false;
        var holdId = (await CitizenApi.Json(hold))["holdId"]!.GetValue<string>();
        return (await Citizens.Confirm(holdId)).StatusCode == System.Net.HttpStatusCode.Created;
    }

    [Fact]
    public async Task A_closure_racing_confirmations_in_its_hours_never_strands_a_booking()
    {
        using var manager = await fixture.ManagerAsync();
        for (var round = 0; round < 4; round++)
        {
            var day = QuebecDate.NextWeekday(20 + round);
            var (from, until) = (QuebecDate.At(day, 8), QuebecDate.At(day, 10));
            // Awake before the race: the clinic-day's memory is where a confirmation under way lives.
            await Citizens.Remaining("H1V 3N7", "FLU", DemoClinics.StadeOlympique, from);

            var bookings = Enumerable.Range(0, 12).Select(i => TryBookAsync(from.AddMinutes(10 * i))).ToList();
            var closure = manager.SubmitAsync($"offer/locations/{DemoClinics.StadeOlympique}/exceptions/new", "exception",
                ScheduleForms.Exception("closed-hours", day, "FLU", opens: "08:00", closes: "10:00"));
            await Task.WhenAll([.. bookings, closure]);

            var closed = await fixture.Database.CountAsync(
                "select count(*) from schedule_exceptions where location_id = @l and on_date = @d", ("l", DemoClinics.StadeOlympique), ("d", day));
            var booked = await fixture.Database.CountAsync("""
                select count(*) from bookings
                where location_id = @l and status = 'confirmed' and slot_start >= @from and slot_start < @until
                """, ("l", DemoClinics.StadeOlympique), ("from", from), ("until", until));
            Assert.True(closed == 0 || booked == 0, $"Round {round}: the closure was saved over {booked} booking(s).");
            Assert.True(closed == 1 || booked > 0,
                $"Round {round}: the closure was refused with no booking to protect; the page answered {(int)(await closure).StatusCode}: {await (await closure).AlertsAsync()}");
        }
        var audit = await fixture.WebServices.GetRequiredService<InventoryAudit>().RunAsync();
        Assert.Empty(audit.OverCapacity);
        Assert.DoesNotContain(audit.Orphans, o => o.LocationId == DemoClinics.StadeOlympique);
    }
}
