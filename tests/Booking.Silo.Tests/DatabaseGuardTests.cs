using Booking.Data.Bookings;
using Booking.Testing;
using Npgsql;

namespace Booking.Silo.Tests;

/// <summary>Even two activations of the same inventory grain (a split brain) cannot over-book: the database refuses.</summary>
[Collection(ClusterCollection.Name)]
public class DatabaseGuardTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Two_activations_giving_out_the_same_seat_get_one_booking_through()
    {
        var start = BookingScenario.At(QuebecDate.NextWeekday(8), 10);
        var repository = new BookingRepository(fixture.Database.DataSource);

        var outcomes = await repository.InsertAsync([Row(BookingScenario.HauteVille, "BLOOD", start, 0), Row(BookingScenario.HauteVille, "BLOOD", start, 0)]);

        Assert.IsType<InsertOutcome.Inserted>(outcomes[0]);
        Assert.IsType<InsertOutcome.SeatTaken>(outcomes[1]);
    }

    [Fact]
    public async Task A_seat_numbered_beyond_the_slot_capacity_is_refused()
    {
        var start = BookingScenario.At(QuebecDate.NextWeekday(8), 10, 15);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertDirectly(fixture.Database, BookingScenario.HauteVille, "BLOOD", start, seat: 2));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
    }

    [Fact]
    public async Task A_cancelled_booking_frees_its_seat_for_a_new_row()
    {
        var start = BookingScenario.At(QuebecDate.NextWeekday(8), 10, 30);
        var repository = new BookingRepository(fixture.Database.DataSource);
        var first = Row(BookingScenario.HauteVille, "BLOOD", start, 0);
        await repository.InsertAsync([first]);

        Assert.True(await repository.CancelAsync(first.Id, 1));
        var again = await repository.InsertAsync([Row(BookingScenario.HauteVille, "BLOOD", start, 0)]);

        Assert.IsType<InsertOutcome.Inserted>(again[0]);
    }

    internal static async Task InsertDirectly(PostgresDatabase database, Guid location, string service, DateTimeOffset start, int seat)
    {
        var outcome = await new BookingRepository(database.DataSource).InsertAsync([Row(location, service, start, seat)]);
        Assert.IsType<InsertOutcome.Inserted>(outcome[0]);
    }

    internal static NewBooking Row(Guid location, string service, DateTimeOffset start, int seat) =>
        new(Guid.NewGuid(), Domain.Bookings.ConfirmationCode.New(), Data.Demo.DemoSeed.MontrealRegion, location, service, start,
            start.AddMinutes(15), seat, 2, $"direct-{Guid.NewGuid():N}", null, BookingScenario.Citizen(), BookingScenario.Declarations(),
            TestClock.Now, null);
}
