using Booking.Data.PostalCodes;
using Booking.Domain.Catalog;
using Microsoft.Extensions.Caching.Memory;

namespace Booking.Web.Availability;

/// <summary>Where a postal code is (its own centroid, else its FSA's), cached: a campaign's searches come from a
/// few thousand areas, so after warm-up they cost no query at all.</summary>
public sealed class PostalCodeLocator(PostalCodeRepository repository, IMemoryCache cache)
{
    public async Task<GeoPoint?> LocateAsync(PostalCode code, CancellationToken cancellationToken)
    {
        var key = "postal:" + code.Value;
        if (cache.TryGetValue(key, out GeoPoint? known))
            return known;
        var found = await repository.FindAsync(code, cancellationToken);
        GeoPoint? point = found is null ? null : new GeoPoint(found.Latitude, found.Longitude);
        cache.Set(key, point, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        return point;
    }
}
