using Booking.Grains.Inventory;

namespace Booking.Silo.Tests;

/// <summary>A rolling deploy under load: citizens keep calling the clinic-days of the silo that stops, so the other
/// silo activates them afresh while the stopping one is still handing them over. Every hold must still confirm.</summary>
public class HoldHandoverUnderLoadTests(LongHoldsCluster cluster) : IClassFixture<LongHoldsCluster>
{
    [Fact]
    public async Task Holds_of_a_silo_stopped_while_citizens_keep_calling_its_clinic_days_all_confirm()
    {
        var citizens = new BookingScenario(cluster.Grains);
        var held = await HeldClinicDays.HoldAsync(citizens);
        var stopping = await held.BusiestSiloAsync(cluster.Cluster);

        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 4).Select(_ => KeepCalling(citizens, held.Days, stop.Token)).ToList();
        await cluster.Cluster.StopSiloAsync(stopping);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.All(await held.ConfirmAllAsync(), c => Assert.True(c.Result is ConfirmResult.Confirmed, $"{c.Clinic}/{c.Date}: {c.Result}"));
    }

    /// <summary>Searches and new holds on every clinic-day, as citizens do during a deploy; calls the stopping silo
    /// cannot answer fail, and the next ones go to the other silo.</summary>
    private static async Task KeepCalling(BookingScenario citizens, IReadOnlyList<(Guid Clinic, DateOnly Date)> days, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
            foreach (var (clinic, date) in days)
            {
                try
                {
                    await citizens.Day(clinic, date).Availability("FLU");
                    await citizens.Hold(clinic, date, "FLU", BookingScenario.At(date, 14));
                }
                catch (Exception)
                {
                    // A call caught by the stop; the citizen's browser retries, and so does this loop.
                }
            }
    }
}
