using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Booking.Passes.Keys;

namespace Booking.Passes.Tests;

public sealed class AppointmentPassTests : IDisposable
{
    private readonly PassScenario _scenario = new();
    private readonly DateTimeOffset _slot = new(2026, 11, 24, 14, 30, 0, TimeSpan.Zero); // 09:30 in Montréal

    [Fact]
    public void A_pass_verifies_and_returns_what_it_asserts()
    {
        var claims = PassScenario.Claims(_slot);

        var token = _scenario.Issuer().Issue(claims);
        var result = _scenario.Verifier().Verify(token);

        var valid = Assert.IsType<PassVerification.Valid>(result);
        Assert.Equal(claims, valid.Claims);
        Assert.Equal(_scenario.Ring.Keys.Single().Kid, valid.KeyId);
        Assert.Equal(_scenario.Clock.Now, valid.IssuedAt);
    }

    [Fact]
    public void A_pass_holds_no_name_and_only_the_minimal_claims()
    {
        var token = _scenario.Issuer().Issue(PassScenario.Claims(_slot));

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        Assert.Equal(["bid", "code", "loc", "svc", "start", "iat", "exp"], payload.RootElement.EnumerateObject().Select(p => p.Name));
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]));
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(_scenario.Ring.Keys.Single().Kid, header.RootElement.GetProperty("kid").GetString());
    }

    [Fact]
    public void A_pass_is_compact_enough_for_a_small_qr_code()
    {
        var token = _scenario.Issuer().Issue(PassScenario.Claims(_slot));

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        Assert.Equal(22, payload.RootElement.GetProperty("bid").GetString()!.Length);
        Assert.Equal(22, payload.RootElement.GetProperty("loc").GetString()!.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]));
        Assert.Equal(["alg", "kid"], header.RootElement.EnumerateObject().Select(p => p.Name));
        // QR version 15 at level M holds 412 bytes; the former layout (GUIDs as text, a typ header) needed ~430.
        Assert.InRange(token.Length, 1, 400);
    }

    [Fact]
    public void A_pass_expires_six_hours_after_the_end_of_the_appointment_day_at_the_clinic()
    {
        var claims = PassScenario.Claims(_slot);

        // 24 November ends at 05:00 UTC on the 25th in Montréal (UTC-5); plus six hours of grace.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero), claims.ExpiresAt);
        var token = _scenario.Issuer().Issue(claims);
        _scenario.Clock.Advance(claims.ExpiresAt - _scenario.Clock.Now - TimeSpan.FromSeconds(1));
        Assert.True(_scenario.Verifier().Verify(token).IsValid);
        _scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PassInvalidReason.Expired, Reason(_scenario.Verifier().Verify(token)));
    }

    [Fact]
    public void A_changed_claim_breaks_the_signature()
    {
        var token = _scenario.Issuer().Issue(PassScenario.Claims(_slot));
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"FLU\"", "\"COVID\"");
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        Assert.Equal(PassInvalidReason.BadSignature, Reason(_scenario.Verifier().Verify(tampered)));
    }

    [Fact]
    public void A_changed_signature_is_refused()
    {
        var token = _scenario.Issuer().Issue(PassScenario.Claims(_slot));
        var parts = token.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[10] ^= 0x01;

        Assert.Equal(PassInvalidReason.BadSignature,
            Reason(_scenario.Verifier().Verify($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}")));
    }

    [Fact]
    public void Passes_are_signed_low_s_and_the_high_s_twin_of_a_signature_is_refused()
    {
        var order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        using var publicKey = ECDsa.Create(_scenario.Ring.Keys.Single().PublicKey.ToParameters());
        // Twenty signatures: the chance that all of them come out low-S by luck is one in a million.
        for (var i = 0; i < 20; i++)
        {
            var parts = _scenario.Issuer().Issue(PassScenario.Claims(_slot.AddMinutes(i))).Split('.');
            var signature = Base64Url.DecodeFromChars(parts[2]);
            var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
            var twin = signature[..32].Concat(Pad32((order - s).ToByteArray(isUnsigned: true, isBigEndian: true))).ToArray();

            Assert.True(s <= order / 2);
            Assert.True(publicKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), twin, HashAlgorithmName.SHA256));
            Assert.Equal(PassInvalidReason.BadSignature,
                Reason(_scenario.Verifier().Verify($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(twin)}")));
        }

        static byte[] Pad32(byte[] value) => new byte[32 - value.Length].Concat(value).ToArray();
    }

    [Fact]
    public void A_pass_with_base64_padding_is_refused()
    {
        var token = _scenario.Issuer().Issue(PassScenario.Claims(_slot));

        Assert.Equal(PassInvalidReason.Malformed, Reason(_scenario.Verifier().Verify(token + "==")));
    }

    [Fact]
    public void A_pass_signed_by_a_key_that_is_not_published_is_refused()
    {
        using var stranger = new PassScenario();
        var token = stranger.Issuer().Issue(PassScenario.Claims(_slot));

        Assert.Equal(PassInvalidReason.UnknownKey, Reason(_scenario.Verifier().Verify(token)));
    }

    [Fact]
    public void A_foreign_key_cannot_borrow_a_published_kid()
    {
        var published = _scenario.Ring.Keys.Single().Kid;
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"ES256","kid":"{{published}}"}""")) + "."
            + _scenario.Issuer().Issue(PassScenario.Claims(_slot)).Split('.')[1];
        using var foreign = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = foreign.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);

        Assert.Equal(PassInvalidReason.BadSignature,
            Reason(_scenario.Verifier().Verify($"{signingInput}.{Base64Url.EncodeToString(signature)}")));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    public void Only_ES256_is_accepted(string algorithm)
    {
        var token = _scenario.Issuer().Issue(PassScenario.Claims(_slot));
        var parts = token.Split('.');
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])).Replace("ES256", algorithm);

        Assert.Equal(PassInvalidReason.Malformed,
            Reason(_scenario.Verifier().Verify($"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{parts[1]}.{parts[2]}")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-pass")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.AAAA")]
    public void Garbage_is_malformed_not_an_exception(string token) =>
        Assert.Equal(PassInvalidReason.Malformed, Reason(_scenario.Verifier().Verify(token)));

    [Fact]
    public void After_a_rotation_old_passes_verify_during_the_overlap_and_fail_once_the_old_key_retires()
    {
        var before = _scenario.Issuer().Issue(PassScenario.Claims(_slot));
        var oldKid = _scenario.Ring.Keys.Single().Kid;

        var rotation = SigningKeyFile.Rotate(_scenario.KeyFile, _scenario.Clock.Now, TimeSpan.FromDays(2));
        var after = _scenario.Issuer().Issue(PassScenario.Claims(_slot));

        Assert.Equal(rotation.Added.Kid, Assert.IsType<PassVerification.Valid>(_scenario.Verifier().Verify(after)).KeyId);
        Assert.Equal(oldKid, Assert.IsType<PassVerification.Valid>(_scenario.Verifier().Verify(before)).KeyId);
        Assert.Equal([rotation.Added.Kid, oldKid], new PublishedKeys(_scenario.Ring, _scenario.Clock).Current().Keys.Select(k => k.Kid));

        _scenario.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(PassInvalidReason.UnknownKey, Reason(_scenario.Verifier().Verify(before)));
        Assert.True(_scenario.Verifier().Verify(after).IsValid);
        Assert.Equal([rotation.Added.Kid], new PublishedKeys(_scenario.Ring, _scenario.Clock).Current().Keys.Select(k => k.Kid));
    }

    [Fact]
    public void A_rotation_destroys_keys_that_have_already_retired()
    {
        var first = _scenario.Ring.Keys.Single().Kid;
        SigningKeyFile.Rotate(_scenario.KeyFile, _scenario.Clock.Now, TimeSpan.FromDays(1));
        _scenario.Clock.Advance(TimeSpan.FromDays(3));

        var rotation = SigningKeyFile.Rotate(_scenario.KeyFile, _scenario.Clock.Now, TimeSpan.FromDays(1));

        Assert.Equal([first], rotation.Dropped.Select(k => k.Kid));
        Assert.DoesNotContain(first, File.ReadAllText(_scenario.KeyFile));
        Assert.Equal(2, _scenario.Ring.Keys.Count);
    }

    public void Dispose() => _scenario.Dispose();

    private static PassInvalidReason Reason(PassVerification result) => Assert.IsType<PassVerification.Invalid>(result).Reason;
}
