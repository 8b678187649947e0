using Booking.Data.Demo;
using Booking.Grains.Availability;
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
}
