using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Offer;
using Booking.Domain.Eligibility;
using Booking.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Silo.Tests;

/// <summary>Before a booking is written, the eligibility check leaves an interval between two bookings of the service
/// itself to PostgreSQL, which refuses such a write; asked for a refusal's reason, it checks every interval itself.</summary>
[Collection(ClusterCollection.Name)]
public class EligibilityGateTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_interval_between_two_flu_bookings_is_left_to_the_write_which_refuses_the_second()
    {
        var dataSource = fixture.Database.DataSource;
        var bookings = new BookingRepository(dataSource);
        using var reference = new ReferenceData(new CatalogRepository(dataSource), new ServiceOfferRepository(dataSource), new MovableClock(),
            NullLogger<ReferenceData>.Instance);
        var gate = new EligibilityGate(bookings, reference, new MovableClock());
        var flu = (await reference.GetAsync()).Services["FLU"];
        var firstDay = QuebecDate.NextWeekday(11);
        var secondDay = QuebecDate.NextWeekday(12);
        var first = DatabaseGuardTests.Row(BookingScenario.Plateau, "FLU", BookingScenario.At(firstDay, 14, 50), seat: 0);
        Assert.IsType<InsertOutcome.Inserted>((await bookings.InsertAsync([first]))[0]);

        Task<EligibilityResult?> Refusal(IntervalCheck check) => gate.RefusalAsync(BookingScenario.Plateau, flu, new DateOnly(1960, 1, 1),
            (first.Citizen.Fingerprint, null), [], secondDay, null, null, check, CancellationToken.None);

        Assert.IsType<EligibilityResult.TooSoon>(await Refusal(IntervalCheck.Whole));
        Assert.Null(await Refusal(IntervalCheck.OwnLeftToWrite));
        var second = DatabaseGuardTests.Row(BookingScenario.Plateau, "FLU", BookingScenario.At(secondDay, 14, 50), seat: 0) with { Citizen = first.Citizen };
        Assert.IsType<InsertOutcome.TooSoon>((await bookings.InsertAsync([second]))[0]);
    }
}
