using System.Net;
using Booking.Data.Demo;
using Booking.Data.Protection;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>A citizen may reschedule into a clinic of another tenant (the only move that crosses tenants): the booking is
/// that tenant's from then on, and the citizen site seals its records again with that tenant's key.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RescheduleAcrossTenantsTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    private Task<T> OfBookingAsync<T>(string code, string sql) =>
        platform.Database.ScalarAsync<T>($"select {sql} where b.confirmation_code = @code", ("code", code));

    [Fact]
    public async Task A_booking_rescheduled_into_another_tenants_clinic_is_that_tenants_and_sealed_with_its_key()
    {
        TenantDataKeys.AddMissing(platform.KeyFile, [DemoSeed.MontrealRegion, DemoSeed.QuebecRegion]);
        var day = QuebecDate.NextWeekday(10);
        var booked = await _api.Book(CitizenApi.Plateau, "BLOOD", QuebecDate.At(day, 7, 45));
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();
        Assert.Equal(TenantDataKeys.KeyId(DemoSeed.MontrealRegion, 1), await OfBookingAsync<string>(code, "b.encryption_key_id from bookings b"));
        var hold = await _api.HoldId(CitizenApi.HauteVille, "BLOOD", QuebecDate.At(day, 11, 30));

        var moved = await _api.Reschedule(code, token, hold);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var quebecKey = TenantDataKeys.KeyId(DemoSeed.QuebecRegion, 1);
        Assert.Equal(DemoSeed.QuebecRegion, await OfBookingAsync<Guid>(code, "b.tenant_id from bookings b"));
        Assert.Equal(quebecKey, await OfBookingAsync<string>(code, "b.encryption_key_id from bookings b"));
        Assert.Equal(quebecKey, await OfBookingAsync<string>(code, "d.encryption_key_id from booking_declarations d join bookings b on b.id = d.booking_id"));
        Assert.Equal(2, await platform.Database.ScalarAsync<long>("""
            select count(*) from personal_data_access_log a join bookings b on b.id = a.record_id
            where b.confirmation_code = @code and a.actor = 'system:reseal' and a.access = 'update' and a.program = 'Booking.Web/reschedule'
            """, ("code", code)));
        var shown = await CitizenApi.Json(await _api.Get(code, token));
        Assert.StartsWith("Tremblay-", shown["citizen"]!["lastName"]!.GetValue<string>());
        Assert.Equal("CLSC de la Haute-Ville", shown["locationName"]!.GetValue<string>());
    }
}
