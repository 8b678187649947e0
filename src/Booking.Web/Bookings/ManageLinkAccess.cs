using System.Net;
using Booking.Data.Audit;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Web.Availability;

namespace Booking.Web.Bookings;

/// <summary>
/// A citizen reaching their booking through the manage link (confirmation code + token). Unknown code and wrong
/// token look the same from outside, so the link cannot be used to probe which codes exist. Every access that
/// shows or changes personal information is written to the access log.
/// </summary>
public sealed class ManageLinkAccess(BookingRepository bookings, ManageTokens tokens, PersonalDataProtector protector,
    PersonalDataAccessLog accessLog, ReferenceData referenceData)
{
    public const string TokenHeader = "X-Manage-Token";

    public sealed record Found(StoredBooking Booking, Location Location, Service Service);

    public static string? TokenFrom(HttpRequest request) =>
        request.Headers[TokenHeader].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();

    public async Task<Found?> FindAsync(string code, string? token, CancellationToken cancellationToken)
    {
        if (!ConfirmationCode.TryNormalise(code, out var normalised) || !tokens.Verify(normalised, token))
            return null;
        return await ReloadAsync(normalised, cancellationToken);
    }

    public async Task<Found?> ReloadAsync(string confirmationCode, CancellationToken cancellationToken)
    {
        // A booking shredded with its tenant's key is gone for the citizen too: answered like an unknown code.
        if (await bookings.FindByCodeAsync(confirmationCode, cancellationToken) is not { } booking || protector.IsShredded(booking.EncryptionKeyId))
            return null;
        var reference = await referenceData.GetAsync(cancellationToken);
        return new Found(booking, reference.Locations[booking.LocationId], reference.ServiceAt(booking.LocationId, booking.ServiceCode)!.Service);
    }

    public async Task<BookingResponse> ShowAsync(Found found, PersonalDataAccess access, string program, IPAddress? sourceIp, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(new PersonalDataAccessRecord(PersonalDataAccessLog.CitizenActor, access, "bookings", found.Booking.Id, program, sourceIp), cancellationToken);
        var (booking, location, service) = found;
        var citizen = protector.UnsealUnlessErased(booking.CitizenCiphertext, booking.EncryptionKeyId);
        return new BookingResponse(booking.ConfirmationCode, booking.Status, location.Id, location.Name, location.Address, location.City,
            service.Code, service.NameFr, service.NameEn, location.LocalTime(booking.SlotStart), location.LocalTime(booking.SlotEnd),
            citizen is null ? null : new CitizenResponse(citizen.FirstName, citizen.LastName, citizen.BirthDate, citizen.HealthCardNumber?[^4..], citizen.Email,
                citizen.Phone, citizen.Language, citizen.EmailConsent),
            booking.CancelledAt, ClinicNotesResponse.Of(location));
    }
}
