using System.Globalization;
using System.Security.Claims;
using Booking.Data.Offer;
using Booking.Data.PostalCodes;
using Booking.Domain.Catalog;
using Booking.Staff.Access;

namespace Booking.Staff.Offer;

/// <summary>A clinic's form as typed; numbers stay text until checked, so a wrong one is explained, not lost.</summary>
public sealed class LocationInput
{
    public string? TenantId { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? TimeZone { get; set; }
    public string? NotesFr { get; set; }
    public string? NotesEn { get; set; }
    public bool IsOpen { get; set; } = true;
    public string? WalkInExtraSeats { get; set; } = "0";
    public int Version { get; set; }

    public static LocationInput From(StaffLocation location) => new()
    {
        TenantId = location.TenantId.ToString(), Name = location.Details.Name, Address = location.Details.Address, City = location.Details.City,
        PostalCode = location.Details.PostalCode, Latitude = location.Details.Latitude.ToString(CultureInfo.InvariantCulture),
        Longitude = location.Details.Longitude.ToString(CultureInfo.InvariantCulture), TimeZone = location.Details.TimeZone,
        NotesFr = location.Details.NotesFr, NotesEn = location.Details.NotesEn, IsOpen = location.Details.IsOpen,
        WalkInExtraSeats = location.Details.WalkInExtraSeats.ToString(CultureInfo.InvariantCulture), Version = location.Version,
    };
}

public abstract record LocationSaveResult
{
    public sealed record Saved(Guid LocationId) : LocationSaveResult;
    public sealed record Invalid(FormErrors Errors) : LocationSaveResult;
    /// <summary>Someone else saved the clinic since this form was opened; nothing was written.</summary>
    public sealed record Stale : LocationSaveResult;
    /// <summary>Not a clinic this person may manage: answered like one that does not exist.</summary>
    public sealed record NotFound : LocationSaveResult;
}

/// <summary>Creates and edits clinics. The position comes from the postal code (its own centroid, else its area's)
/// unless a latitude and longitude are typed, which win. A new clinic offers its organisation's services.</summary>
public sealed class LocationEditing(LocationRepository locations, PostalCodeRepository postalCodes, StaffAccess access, TenantServices services)
{
    private const int MaxText = 200;
    private const int MaxNotes = 2000;
    private const int MaxWalkInExtraSeats = 50;

    public async Task<LocationSaveResult> CreateAsync(ClaimsPrincipal user, OfferActor actor, LocationInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FormErrors();
        if (!Guid.TryParse(input.TenantId, out var tenantId) || !await access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfTenant(tenantId), cancellationToken))
            errors.Add(nameof(input.TenantId), "Offer.Location.TenantRequired");
        var details = await ReadAsync(input, errors, cancellationToken);
        if (errors.Any)
            return new LocationSaveResult.Invalid(errors);
        var id = Guid.CreateVersion7();
        // A new clinic offers what its organisation offers; staff untick what it does not.
        var offered = (await services.OfferedByAsync(tenantId, cancellationToken)).Select(s => s.Code).ToList();
        await locations.CreateAsync(id, tenantId, details!, offered, actor, cancellationToken);
        return new LocationSaveResult.Saved(id);
    }

    public async Task<LocationSaveResult> UpdateAsync(ClaimsPrincipal user, OfferActor actor, Guid locationId, LocationInput input,
        CancellationToken cancellationToken = default)
    {
        if (!await access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfLocation(locationId), cancellationToken))
            return new LocationSaveResult.NotFound();
        var errors = new FormErrors();
        var details = await ReadAsync(input, errors, cancellationToken);
        // Every slot and booking of a clinic is an instant laid out in its time zone: moving the zone would move them all.
        if (details is not null && await locations.FindAsync(locationId, cancellationToken) is { } current
            && current.Details.TimeZone != details.TimeZone && await locations.HasScheduleAsync(locationId, cancellationToken))
            errors.Add(nameof(input.TimeZone), "Offer.Location.TimeZoneLocked");
        if (errors.Any)
            return new LocationSaveResult.Invalid(errors);
        return await locations.UpdateAsync(locationId, input.Version, details!, actor, cancellationToken)
            ? new LocationSaveResult.Saved(locationId)
            : new LocationSaveResult.Stale();
    }

    private async Task<LocationDetails?> ReadAsync(LocationInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        var name = Text(input.Name, nameof(input.Name), MaxText, errors, required: true);
        var address = Text(input.Address, nameof(input.Address), MaxText, errors, required: true);
        var city = Text(input.City, nameof(input.City), MaxText, errors, required: true);
        var notesFr = Text(input.NotesFr, nameof(input.NotesFr), MaxNotes, errors, required: false);
        var notesEn = Text(input.NotesEn, nameof(input.NotesEn), MaxNotes, errors, required: false);
        var timeZone = input.TimeZone ?? "";
        if (!LocationTimeZones.All.Contains(timeZone))
            errors.Add(nameof(input.TimeZone), "Offer.Location.TimeZoneUnknown");
        var postalCodeKnown = PostalCode.TryParse(input.PostalCode, out var postalCode) && !postalCode.IsFsaOnly;
        if (!postalCodeKnown)
            errors.Add(nameof(input.PostalCode), "Offer.Location.PostalCodeInvalid");
        var position = await PositionAsync(input, postalCodeKnown ? postalCode : null, errors, cancellationToken);
        // Walk-ins past capacity: none unless the clinic says so (a blank field says nothing), and never more than a slot's
        // worth of extra people.
        var extraSeats = 0;
        if (!string.IsNullOrWhiteSpace(input.WalkInExtraSeats)
            && (!int.TryParse(input.WalkInExtraSeats.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out extraSeats) || extraSeats > MaxWalkInExtraSeats))
            errors.Add(nameof(input.WalkInExtraSeats), "Offer.Location.WalkInExtraSeatsInvalid", MaxWalkInExtraSeats);
        return errors.Any ? null : new LocationDetails(name, address, city, postalCode.Value, position!.Value.Latitude, position.Value.Longitude,
            timeZone, notesFr, notesEn, input.IsOpen, extraSeats);
    }

    private async Task<(double Latitude, double Longitude)?> PositionAsync(LocationInput input, PostalCode? postalCode, FormErrors errors,
        CancellationToken cancellationToken)
    {
        var typedLatitude = !string.IsNullOrWhiteSpace(input.Latitude);
        var typedLongitude = !string.IsNullOrWhiteSpace(input.Longitude);
        if (typedLatitude || typedLongitude)
        {
            var latitude = Coordinate(input.Latitude, nameof(input.Latitude), 41, 84, errors);
            var longitude = Coordinate(input.Longitude, nameof(input.Longitude), -142, -52, errors);
            return latitude is { } lat && longitude is { } lon ? (lat, lon) : null;
        }
        if (postalCode is not { } code)
            return null;
        if (await postalCodes.FindAsync(code, cancellationToken) is { } found)
            return (found.Latitude, found.Longitude);
        errors.Add(nameof(input.Latitude), "Offer.Location.PositionUnknown");
        return null;
    }

    /// <summary>A latitude or longitude in Canada, with a point or a comma (as typed in French) before the decimals.</summary>
    private static double? Coordinate(string? text, string field, double min, double max, FormErrors errors)
    {
        if (double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add(field, "Offer.Location.CoordinateOutOfRange", min, max);
        return null;
    }

    private static string Text(string? text, string field, int max, FormErrors errors, bool required)
    {
        var trimmed = text?.Trim() ?? "";
        if (required && trimmed.Length == 0)
            errors.Add(field, "Offer.Required");
        else if (trimmed.Length > max)
            errors.Add(field, "Offer.TooLong", max);
        return trimmed;
    }
}
