using Booking.Data.Catalog;
using Booking.Data.Offer;
using Booking.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Booking.Silo.Tests;

/// <summary>The catalogue's snapshot is served while its revision is checked, so no request waits on the check; one left
/// unchecked too long is not served, and requests wait for the check then. The check is held up by a lock on the
/// revision's table, taken by the database's owner.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReferenceDataTests(ClusterFixture fixture)
{
    [Fact]
    public async Task While_the_revision_check_waits_requests_get_the_snapshot_in_hand_until_it_has_gone_unchecked_too_long()
    {
        var clock = new MovableClock();
        var dataSource = fixture.Database.DataSource;
        using var reference = new ReferenceData(new CatalogRepository(dataSource), new ServiceOfferRepository(dataSource), clock,
            NullLogger<ReferenceData>.Instance);
        var first = await reference.GetAsync();

        await using var owner = new NpgsqlConnection(fixture.Database.MigrationsConnectionString);
        await owner.OpenAsync();
        await using var change = await owner.BeginTransactionAsync();
        await using (var locked = new NpgsqlCommand(
            "lock table catalogue_revision in access exclusive mode; update catalogue_revision set revision = revision + 1", owner, change))
            await locked.ExecuteNonQueryAsync();

        using (clock.Ahead(TimeSpan.FromSeconds(2)))
        {
            var pastTheInterval = reference.GetAsync();
            Assert.True(pastTheInterval.IsCompletedSuccessfully, "a request past the check interval waited for the check");
            Assert.Same(first, await pastTheInterval);

            using (clock.Ahead(TimeSpan.FromSeconds(40)))
            {
                var uncheckedTooLong = reference.GetAsync().AsTask();
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                Assert.False(uncheckedTooLong.IsCompleted, "a snapshot left unchecked for 42 s was served");

                await change.CommitAsync();
                var changed = await uncheckedTooLong.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(first.Revision + 1, changed.Revision);
            }
        }
    }
}
