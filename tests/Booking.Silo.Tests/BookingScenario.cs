using Booking.Contracts;
using Booking.Data.Demo;
using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>Shorthands for what a citizen does, against the demo clinics. Each test picks its own slot so tests
/// sharing the cluster never compete for the same seats.</summary>
public sealed class BookingScenario(IGrainFactory grains)
{
    /// <summary>CLSC du Plateau-Mont-Royal offers FLU with 3 seats per 10-minute slot on weekdays.</summary>
    public static readonly Guid Plateau = new("10000000-0000-4000-8000-000000000003");
    /// <summary>CLSC de la Haute-Ville offers BLOOD with 2 seats per 15-minute slot on weekday mornings.</summary>
    public static readonly Guid HauteVille = new("10000000-0000-4000-8000-000000000006");
    public static readonly Guid Stade = DemoSeed.StadeOlympique;

    private static int _nextCitizen;

    public static ILocationDayGrain Day(IGrainFactory grains, Guid location, DateOnly date) =>
        grains.GetGrain<ILocationDayGrain>(new LocationDayKey(location, date).ToString());

    public ILocationDayGrain Day(Guid location, DateOnly date) => Day(grains, location, date);

    public Task<HoldResult> Hold(Guid location, DateOnly date, string service, DateTimeOffset start, string? idempotencyKey = null) =>
        Day(location, date).Hold(new HoldRequest(service, start, idempotencyKey));

    public async Task<ConfirmResult> HoldAndConfirm(Guid location, DateOnly date, string service, DateTimeOffset start)
    {
        if (await Hold(location, date, service, start) is not HoldResult.Held held)
            return new ConfirmResult.SlotTaken();
        return await Confirm(location, date, held.HoldId);
    }

    /// <summary>A seat booked for a new citizen, for a test about what happens to it next.</summary>
    public async Task<BookingConfirmation> Booked(Guid location, DateOnly date, string service, DateTimeOffset start) =>
        Assert.IsType<ConfirmResult.Confirmed>(await HoldAndConfirm(location, date, service, start)).Booking;

    public Task<ConfirmResult> Confirm(Guid location, DateOnly date, string holdId, string? idempotencyKey = null) =>
        Day(location, date).Confirm(Request(holdId, idempotencyKey));

    /// <summary>A confirmation by a new citizen; its request digest stands for the edge's fingerprint of what was sent.</summary>
    public static ConfirmRequest Request(string holdId, string? idempotencyKey = null) =>
        new(holdId, Citizen(), TestClock.Now, idempotencyKey, "127.0.0.1", Declarations(), Guid.NewGuid().ToByteArray());

    /// <summary>Grains only ever see sealed citizens; the bytes here stand for ciphertext made at the edge.</summary>
    public static SealedCitizen Citizen()
    {
        var n = Interlocked.Increment(ref _nextCitizen);
        return new SealedCitizen(BitConverter.GetBytes(n), "test", System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(n)), null, "fr");
    }

    /// <summary>Stands for the declarations sealed at the edge; each call gives distinct bytes, to find its row by.</summary>
    public static SealedDeclarations Declarations() => new(Guid.NewGuid().ToByteArray(), "test");

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => QuebecDate.At(date, hour, minute);
}
