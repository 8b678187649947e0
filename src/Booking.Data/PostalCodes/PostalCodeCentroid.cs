using Booking.Domain.Catalog;

namespace Booking.Data.PostalCodes;

/// <summary>Where a postal code (six characters) or a forward sortation area (three) is, roughly: the centre of
/// the area it covers. <paramref name="Code"/> is normalised (upper case, no space), as in <see cref="PostalCode.Value"/>.</summary>
public sealed record PostalCodeCentroid(string Code, double Latitude, double Longitude, string PlaceName);
