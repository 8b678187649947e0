using Booking.Grains.Inventory;

namespace Booking.Silo.Tests;

/// <summary>A hold Idempotency-Key is bound to the first request sent with it for as long as a hold can live, whatever
/// other keys its shard keeps; then it is forgotten.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HoldKeyShardTests(ClusterFixture fixture)
{
    private const string Request = "clinic|FLU|1";
    private const string Other = "clinic|FLU|2";

    private Task<bool> Claim(string key, string request) =>
        fixture.Grains.GetGrain<IHoldKeyShardGrain>(HoldKeyShard.Of(key)).Claim(key, request);

    private static (string, string) TwoKeysOfOneShard()
    {
        var first = Guid.NewGuid().ToString();
        var second = Enumerable.Range(0, 100_000).Select(_ => Guid.NewGuid().ToString()).First(k => HoldKeyShard.Of(k) == HoldKeyShard.Of(first));
        return (first, second);
    }

    [Fact]
    public async Task A_key_keeps_its_first_request_and_another_key_of_its_shard_is_bound_on_its_own()
    {
        var (key, neighbour) = TwoKeysOfOneShard();

        Assert.True(await Claim(key, Request));
        Assert.True(await Claim(key, Request));
        Assert.False(await Claim(key, Other));
        Assert.True(await Claim(neighbour, Other));
        Assert.False(await Claim(neighbour, Request));
        Assert.False(await Claim(key, Other));
    }

    [Fact]
    public async Task Once_a_hold_made_with_it_would_have_lapsed_a_key_is_free_for_another_request_and_bound_to_that()
    {
        var key = Guid.NewGuid().ToString();
        Assert.True(await Claim(key, Request));

        using (fixture.SilosAhead(ClusterFixture.HoldDuration + TimeSpan.FromSeconds(1)))
        {
            Assert.True(await Claim(key, Other));
            Assert.False(await Claim(key, Request));
        }
    }

    [Fact]
    public void Keys_spread_over_every_shard_and_each_key_has_one()
    {
        var keys = Enumerable.Range(0, 20_000).Select(_ => Guid.NewGuid().ToString()).ToList();

        var shards = keys.GroupBy(HoldKeyShard.Of).ToList();

        Assert.Equal(HoldKeyShard.Count, shards.Count);
        Assert.All(keys, k => Assert.Equal(HoldKeyShard.Of(k), HoldKeyShard.Of(new string(k.ToCharArray()))));
        Assert.InRange(shards.Max(s => s.Count()), 1, 3 * 20_000 / HoldKeyShard.Count);
    }
}
