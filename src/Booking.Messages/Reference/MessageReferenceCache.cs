using Booking.Data.Catalog;
using Booking.Data.Messages;
using Booking.Data.Offer;
using Booking.Messages.Templates;
using Microsoft.Extensions.Options;

namespace Booking.Messages.Reference;

/// <summary>The worker composes thousands of messages a second; clinics, services and templates change rarely, so they
/// are read at most once per <see cref="MessagesOptions.ReferenceCacheDuration"/> for all of them.</summary>
public sealed class MessageReferenceCache(CatalogRepository catalog, ServiceOfferRepository offers, MessageTemplateRepository templates,
    IOptions<MessagesOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (MessageReference Reference, DateTimeOffset ReadAt)? _current;

    public async Task<MessageReference> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } reference)
            return reference;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed)
                return refreshed;
            var readAt = time.GetUtcNow();
            var locations = await catalog.LocationsAsync(cancellationToken);
            var services = await catalog.ServicesAsync(cancellationToken);
            var byId = locations.ToDictionary(l => l.Id);
            var byCode = services.ToDictionary(s => s.Code);
            var offered = new OfferedServices(byCode, byId, await catalog.ScreeningQuestionsAsync(cancellationToken),
                await catalog.PreparationsAsync(cancellationToken), await offers.SnapshotAsync(cancellationToken));
            var loaded = new MessageReference(byId, byCode, offered, TemplateOverrides.From(await templates.LoadAsync(cancellationToken)));
            _current = (loaded, readAt);
            return loaded;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private MessageReference? Fresh() =>
        _current is { } current && time.GetUtcNow() - current.ReadAt < options.Value.ReferenceCacheDuration ? current.Reference : null;
}
