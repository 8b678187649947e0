using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Passes;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.FunctionalTests;

[Collection(PlatformCollection.Name)]
public class PassesApiTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    [Fact]
    public async Task The_key_set_is_served_public_only_and_cacheable()
    {
        var response = await platform.Http.GetAsync("/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonWebKeySet.MediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl.MaxAge);
        var keys = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["keys"]!.AsArray();
        var key = Assert.Single(keys)!.AsObject();
        Assert.Equal("ES256", key["alg"]!.GetValue<string>());
        Assert.False(key.ContainsKey("d"));
        Assert.Equal(key["kid"]!.GetValue<string>(), JsonWebKey.Thumbprint(key["x"]!.GetValue<string>(), key["y"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_pass_for_a_real_booking_verifies_over_http_and_a_tampered_one_does_not()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(2), 15);
        var booked = await _api.Book(CitizenApi.Plateau, "FLU", start);
        var code = booked["confirmationCode"]!.GetValue<string>();
        var bookingId = await platform.Database.ScalarAsync<Guid>("select id from bookings where confirmation_code = @c", ("c", code));
        var token = platform.WebServices.GetRequiredService<AppointmentPassIssuer>()
            .Issue(AppointmentPassClaims.ForAppointment(bookingId, code, CitizenApi.Plateau, "FLU", start, QuebecDate.Zone));

        var valid = await Verify(token);
        var tampered = await Verify(token[..^4] + (token[^4] == 'A' ? "BAAA" : "AAAA"));

        Assert.True(valid["valid"]!.GetValue<bool>());
        Assert.Equal(code, valid["claims"]!["confirmationCode"]!.GetValue<string>());
        Assert.Equal(bookingId, valid["claims"]!["bookingId"]!.GetValue<Guid>());
        Assert.Equal(start, valid["claims"]!["start"]!.GetValue<DateTimeOffset>());
        Assert.False(tampered["valid"]!.GetValue<bool>());
        Assert.Equal("bad-signature", tampered["reason"]!.GetValue<string>());
        Assert.Null(tampered["claims"]);
    }

    [Fact]
    public async Task The_pass_of_a_cancelled_booking_is_not_valid_and_says_why()
    {
        var start = QuebecDate.At(QuebecDate.NextWeekday(11), 9);
        var booked = await _api.Book(CitizenApi.Plateau, "FLU", start);
        var code = booked["confirmationCode"]!.GetValue<string>();
        var bookingId = await platform.Database.ScalarAsync<Guid>("select id from bookings where confirmation_code = @c", ("c", code));
        var token = platform.WebServices.GetRequiredService<AppointmentPassIssuer>()
            .Issue(AppointmentPassClaims.ForAppointment(bookingId, code, CitizenApi.Plateau, "FLU", start, QuebecDate.Zone));
        Assert.True((await Verify(token))["valid"]!.GetValue<bool>());

        await _api.Cancel(code, booked["manageToken"]!.GetValue<string>());
        var afterCancel = await Verify(token);

        Assert.False(afterCancel["valid"]!.GetValue<bool>());
        Assert.Equal("cancelled", afterCancel["reason"]!.GetValue<string>());
        Assert.Equal(code, afterCancel["claims"]!["confirmationCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Text_that_is_not_a_pass_is_answered_as_invalid_and_a_missing_token_as_a_validation_problem()
    {
        var garbage = await Verify("hello.world.again");
        var missing = await platform.Http.PostAsJsonAsync("/api/v1/passes/verify", new { });
        var unreadable = await platform.Http.PostAsync("/api/v1/passes/verify",
            new StringContent("{\"token\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("malformed", garbage["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("/problems/validation", JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("/problems/malformed-request", JsonNode.Parse(await unreadable.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
    }

    private async Task<JsonNode> Verify(string token)
    {
        var response = await platform.Http.PostAsJsonAsync("/api/v1/passes/verify", new { token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
