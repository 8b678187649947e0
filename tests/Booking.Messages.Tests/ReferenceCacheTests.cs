using Booking.Data.Catalog;
using Booking.Data.Messages;
using Booking.Messages.Reference;
using Booking.Testing;
using Microsoft.Extensions.Options;

namespace Booking.Messages.Tests;

public sealed class ReferenceCacheTests(MessagesFixture fixture) : IClassFixture<MessagesFixture>
{
    [Fact]
    public async Task Reference_data_is_reused_for_its_duration_then_read_again()
    {
        var clock = new ManualClock(fixture.Clock.Now);
        var cache = new MessageReferenceCache(new CatalogRepository(fixture.Database.DataSource), new Booking.Data.Offer.ServiceOfferRepository(fixture.Database.DataSource),
            new MessageTemplateRepository(fixture.Database.DataSource),
            Options.Create(new MessagesOptions { ReferenceCacheDuration = TimeSpan.FromSeconds(60) }), clock);
        var first = await cache.GetAsync(default);

        await fixture.Database.ScalarAsync<object?>("update locations set name = 'Renamed clinic' where id = @id", ("id", MessagesFixture.Plateau));
        clock.Advance(TimeSpan.FromSeconds(59));
        var cached = await cache.GetAsync(default);
        clock.Advance(TimeSpan.FromSeconds(1));
        var reread = await cache.GetAsync(default);

        Assert.Same(first, cached);
        Assert.Equal("CLSC du Plateau-Mont-Royal", cached.Location(MessagesFixture.Plateau).Name);
        Assert.Equal("Renamed clinic", reread.Location(MessagesFixture.Plateau).Name);
    }
}
