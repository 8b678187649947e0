using Booking.Testing;

namespace Booking.Silo.Tests;

[Alias("booking.test.StorageProbe")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    [Alias("Save")]
    Task Save(string value);
    [Alias("Load")]
    Task<string?> Load();
    [Alias("RemindDaily")]
    Task RemindDaily();
}

[GenerateSerializer, Alias("booking.test.StorageProbeState")]
public sealed class StorageProbeState
{
    [Id(0)] public string? Value { get; set; }
}

/// <summary>A grain that uses Orleans' own persistence and reminders, to prove our migrations serve the ADO.NET
/// providers (the inventory deliberately keeps its truth in the bookings table instead).</summary>
public sealed class StorageProbeGrain([PersistentState("storage-probe")] IPersistentState<StorageProbeState> state)
    : Grain, IStorageProbeGrain, IRemindable
{
    public async Task Save(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
        DeactivateOnIdle();
    }

    public Task<string?> Load() => Task.FromResult(state.State.Value);

    public Task RemindDaily() => this.RegisterOrUpdateReminder("daily", TimeSpan.FromDays(1), TimeSpan.FromDays(1));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}

[Collection(ClusterCollection.Name)]
public class OrleansStorageTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Grain_state_survives_deactivation_in_postgresql()
    {
        var grain = fixture.Grains.GetGrain<IStorageProbeGrain>("probe-a");

        await grain.Save("kept");
        await Poll.UntilAsync(async () => await fixture.Database.ScalarAsync<long>("select count(*) from orleans_storage") > 0,
            TimeSpan.FromSeconds(10), "the state row");

        Assert.Equal("kept", await fixture.Grains.GetGrain<IStorageProbeGrain>("probe-a").Load());
    }

    [Fact]
    public async Task Reminders_are_stored_in_postgresql()
    {
        await fixture.Grains.GetGrain<IStorageProbeGrain>("probe-b").RemindDaily();

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from orleans_reminders where reminder_name = 'daily'"));
    }
}
