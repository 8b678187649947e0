using Booking.Contracts;
using Booking.Data.Bookings;
using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>A booking and what its citizen declared commit in one statement: a committed booking always has its
/// declarations, and a write that fails leaves neither.</summary>
[Collection(ClusterCollection.Name)]
public class DeclarationAtomicityTests(ClusterFixture fixture)
{
    private readonly BookingScenario _citizens = new(fixture.Grains);

    /// <summary>The key id column is not null: a null one makes the declarations insert fail after the booking's.</summary>
    private static SealedDeclarations Refused() => new(Guid.NewGuid().ToByteArray(), null!);

    [Fact]
    public async Task A_confirmed_booking_has_its_declarations_and_the_audit_records_of_both()
    {
        var date = QuebecDate.NextWeekday(9);
        var declarations = BookingScenario.Declarations();
        var held = Assert.IsType<HoldResult.Held>(await _citizens.Hold(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 9)));

        var result = await Confirm(date, held.HoldId, declarations);

        var booking = Assert.IsType<ConfirmResult.Confirmed>(result).Booking;
        Assert.Equal(declarations.Ciphertext, await fixture.Database.ScalarAsync<byte[]>(
            "select ciphertext from booking_declarations where booking_id = @b", ("b", booking.BookingId)));
        Assert.Equal("bookings,booking_declarations", await fixture.Database.ScalarAsync<string>(
            "select string_agg(table_name, ',' order by table_name desc) from personal_data_access_log where record_id = @b and access = 'create'",
            ("b", booking.BookingId)));
    }

    [Fact]
    public async Task A_confirmation_whose_declarations_cannot_be_written_leaves_no_booking_and_frees_the_seat()
    {
        var date = QuebecDate.NextWeekday(9);
        var start = BookingScenario.At(date, 9, 10);
        var first = Assert.IsType<HoldResult.Held>(await _citizens.Hold(BookingScenario.Plateau, date, "FLU", start));

        await Assert.ThrowsAnyAsync<Exception>(() => Confirm(date, first.HoldId, Refused()));

        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where hold_digest = sha256(convert_to(@h, 'UTF8'))", ("h", first.HoldId)));
        // The failed write gave its seat back: all three seats of the slot can still be booked, each with its declarations.
        var confirmed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _citizens.HoldAndConfirm(BookingScenario.Plateau, date, "FLU", start)));
        Assert.All(confirmed, c => Assert.IsType<ConfirmResult.Confirmed>(c));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            """
            select count(*) from bookings b
            where b.location_id = @l and b.slot_start = @s and not exists (select 1 from booking_declarations d where d.booking_id = b.id)
            """, ("l", BookingScenario.Plateau), ("s", start)));
    }

    [Fact]
    public async Task A_batch_with_one_declaration_the_database_refuses_writes_none_of_its_bookings()
    {
        var start = BookingScenario.At(QuebecDate.NextWeekday(9), 10);
        var good = DatabaseGuardTests.Row(BookingScenario.HauteVille, "BLOOD", start, 0);
        var broken = DatabaseGuardTests.Row(BookingScenario.HauteVille, "BLOOD", start, 1) with { Declarations = Refused() };

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => new BookingRepository(fixture.Database.DataSource).InsertAsync([good, broken]));

        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where id = any(@ids)", ("ids", new[] { good.Id, broken.Id })));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from booking_declarations where ciphertext = @c", ("c", good.Declarations.Ciphertext)));
    }

    private Task<ConfirmResult> Confirm(DateOnly date, string holdId, SealedDeclarations declarations) =>
        BookingScenario.Day(fixture.Grains, BookingScenario.Plateau, date)
            .Confirm(new ConfirmRequest(holdId, BookingScenario.Citizen(), TestClock.Now, null, "127.0.0.1", declarations));
}
