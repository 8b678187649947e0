using Booking.Data.Demo;
using Booking.Grains.Inventory;
using Booking.Testing;
using Orleans.TestingHost;

namespace Booking.Silo.Tests;

/// <summary>Two holds on each of 30 clinic-days (six FLU clinics, five weekdays), spread over the cluster's silos: where
/// the tests of silos stopping and joining start from.</summary>
public sealed class HeldClinicDays
{
    private static readonly Guid[] FluClinics = [DemoSeed.Location(1), DemoSeed.Location(2), DemoSeed.Location(3), DemoSeed.Location(4), DemoSeed.Location(5), DemoSeed.Location(6)];
    private static readonly int[] Hours = [9, 10];

    private readonly BookingScenario _citizens;

    private HeldClinicDays(BookingScenario citizens, IReadOnlyList<(Guid Clinic, DateOnly Date)> days, IReadOnlyList<(Guid Clinic, DateOnly Date, string HoldId)> holds)
    {
        _citizens = citizens;
        Days = days;
        Holds = holds;
    }

    public IReadOnlyList<(Guid Clinic, DateOnly Date)> Days { get; }

    public IReadOnlyList<(Guid Clinic, DateOnly Date, string HoldId)> Holds { get; }

    public static async Task<HeldClinicDays> HoldAsync(BookingScenario citizens)
    {
        var days = Enumerable.Range(2, 5).SelectMany(n => FluClinics.Select(clinic => (Clinic: clinic, Date: QuebecDate.NextWeekday(n)))).ToList();
        var holds = await Task.WhenAll(days.SelectMany(d => Hours.Select(async hour =>
            (d.Clinic, d.Date, Assert.IsType<HoldResult.Held>(await citizens.Hold(d.Clinic, d.Date, "FLU", BookingScenario.At(d.Date, hour))).HoldId))));
        return new HeldClinicDays(citizens, days, holds);
    }

    /// <summary>The silo that hosts most of these clinic-days: the one whose stop tells the most.</summary>
    public async Task<SiloHandle> BusiestSiloAsync(TestCluster cluster)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var hosts = await Task.WhenAll(Days.Select(async d => await management.GetActivationAddress(_citizens.Day(d.Clinic, d.Date))));
        var busiest = cluster.Silos.MaxBy(silo => hosts.Count(h => silo.SiloAddress.Equals(h)))!;
        Assert.Contains(busiest.SiloAddress, hosts);
        return busiest;
    }

    /// <summary>Confirms every hold, each outcome with its clinic-day (which a failed assertion names).</summary>
    public async Task<IReadOnlyList<(Guid Clinic, DateOnly Date, ConfirmResult Result)>> ConfirmAllAsync() =>
        await Task.WhenAll(Holds.Select(async h => (h.Clinic, h.Date, Result: await _citizens.Confirm(h.Clinic, h.Date, h.HoldId))));
}
