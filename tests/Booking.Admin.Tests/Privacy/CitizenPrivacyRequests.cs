using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Domain.Citizens;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests.Privacy;

/// <summary>Requests written by the statements the citizen site runs (sealed, with their access-log row), as a citizen's
/// correction request or complaint reaches the staff queue.</summary>
public sealed class CitizenPrivacyRequests(AdminFixture fixture)
{
    private T Service<T>() where T : notnull => fixture.Services.GetRequiredService<T>();

    public async Task<Guid> CorrectionAsync(Guid bookingId, string field, string value, int daysAgo = 0)
    {
        var sealedRequest = Service<PersonalDataProtector>().Seal(new CorrectionRequest([new FieldCorrection(field, value)], "Mon nom est mal écrit."),
            CorrectionRequest.SealPurpose);
        var status = await Service<PrivacyRequestRepository>().AddCorrectionAsync(bookingId, sealedRequest, "Booking.Web/correction-request", null);
        if (daysAgo > 0)
            Assert.Equal(1, await fixture.Database.ScalarAsync<int>(
                "update correction_requests set received_at = received_at - make_interval(days => @days) where id = @id returning 1",
                ("days", daysAgo), ("id", status.Id)));
        return status.Id;
    }

    public async Task<(Guid Id, string Reference)> ComplaintAsync(string name)
    {
        var reference = $"PC-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var sealedComplaint = Service<PersonalDataProtector>().Seal(new PrivacyComplaint(name, "plaignant@example.org", null, "fr",
            "On m'a appelé sans raison.", null), PrivacyComplaint.SealPurpose);
        var status = await Service<PrivacyRequestRepository>().AddComplaintAsync(reference, sealedComplaint, "Booking.Web/privacy-complaint", null);
        return (status.Id, reference);
    }

    /// <summary>The booking's citizen as stored now, unsealed.</summary>
    public async Task<CitizenDetails> CitizenAsync(Guid bookingId)
    {
        var ciphertext = await fixture.Database.ScalarAsync<byte[]>("select citizen_ciphertext from bookings where id = @id", ("id", bookingId));
        var keyId = await fixture.Database.ScalarAsync<string>("select encryption_key_id from bookings where id = @id", ("id", bookingId));
        return Service<PersonalDataProtector>().Unseal(ciphertext, keyId);
    }

    /// <summary>The request's status and the messages queued about it, to see that nothing changed.</summary>
    public Task<string> StateAsync(Guid correctionId) => fixture.Database.ScalarAsync<string>("""
        select c.status || '|' || coalesce(c.assigned_to::text, '-') || '|' || (select count(*) from notifications n where n.correction_request_id = c.id)
        from correction_requests c where c.id = @id
        """, ("id", correctionId));
}
