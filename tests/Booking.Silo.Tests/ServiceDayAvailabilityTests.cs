using Booking.Data.Demo;
using Booking.Grains.Availability;
using Booking.Grains.Inventory;
using Booking.Testing;
using Npgsql;

namespace Booking.Silo.Tests;

[Collection(ClusterCollection.Name)]
public class ServiceDayAvailabilityTests(ClusterFixture fixture)
{
    /// <summary>The index of a date wakes its clinic-days; while none of them can load (their seats' table is locked),
    /// a search still gets an answer, and the clinics fill in once they load. When the index awaited its clinic-days
    /// on activation, this search hung until the grain-call timeout.</summary>
    [Fact]
    public async Task A_dates_availability_answers_while_its_clinic_days_cannot_load_and_fills_in_once_they_can()
    {
        var date = QuebecDate.NextWeekday(10);
        var index = fixture.Grains.GetGrain<IServiceDayAvailabilityGrain>(ServiceDayKey.For("FLU", date));

        ServiceDayAvailability whileLoading;
        await using (var owner = new NpgsqlConnection(fixture.Database.MigrationsConnectionString))
        {
            await owner.OpenAsync();
            await using var transaction = await owner.BeginTransactionAsync();
            await using (var block = new NpgsqlCommand("lock table bookings in access exclusive mode", owner, transaction))
                await block.ExecuteNonQueryAsync();
            whileLoading = await index.Snapshot();
        }

        Assert.Empty(whileLoading.Locations);
        var flu = Enumerable.Range(1, 6).Select(DemoSeed.Location).ToHashSet();
        await Poll.UntilAsync(async () => (await index.Snapshot()).Locations.Select(l => l.LocationId).ToHashSet().SetEquals(flu),
            TimeSpan.FromSeconds(30), "every clinic offering FLU that day in the index");
    }

    /// <summary>Many dates' indexes (the demo schedules' last days, which no other test of the cluster uses) and their clinic-days waking together, each side messaging the other from its first
    /// turn: every call answers, and every index comes to list each clinic that has slots that day. Orleans starts an
    /// activation holding its lock, so two fresh activations that messaged each other from that turn deadlocked for
    /// good (see <c>FirstTurn</c>).</summary>
    [Fact]
    public async Task Indexes_and_clinic_days_waking_each_other_all_answer()
    {
        var flu = Enumerable.Range(1, 6).Select(DemoSeed.Location).ToList();
        // The demo schedules cover 30 days from today: from a Friday, the 21st weekday is already 31 days on.
        var dates = Enumerable.Range(17, 4).Select(QuebecDate.NextWeekday).ToList();

        var indexes = dates.Select(date => fixture.Grains.GetGrain<IServiceDayAvailabilityGrain>(ServiceDayKey.For("FLU", date)).Snapshot()).ToList();
        var clinicDays = dates.SelectMany(date => flu.Select(location => (date, fixture.Grains
            .GetGrain<ILocationDayGrain>(new LocationDayKey(location, date).ToString()).Availability("FLU")))).ToList();
        var all = Task.WhenAll(indexes.Cast<Task>().Concat(clinicDays.Select(c => c.Item2)));
        Assert.True(await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(45))) == all, "a clinic-day or an index never answered");
        await all;

        foreach (var date in dates)
        {
            var open = clinicDays.Where(c => c.date == date && c.Item2.Result.Slots.Count > 0).Select(c => c.Item2.Result.LocationId).ToHashSet();
            Assert.True(open.Count > 0, $"no clinic has FLU slots on {date}");
            var index = fixture.Grains.GetGrain<IServiceDayAvailabilityGrain>(ServiceDayKey.For("FLU", date));
            await Poll.UntilAsync(async () => open.IsSubsetOf((await index.Snapshot()).Locations.Where(l => l.Slots.Count > 0).Select(l => l.LocationId)),
                TimeSpan.FromSeconds(30), $"each clinic with FLU slots on {date} in its index");
        }
    }
}
