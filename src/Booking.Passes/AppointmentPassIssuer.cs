using System.Buffers.Text;
using System.Text;
using Booking.Passes.Keys;

namespace Booking.Passes;

/// <summary>Signs appointment passes with the newest active key of the ring.</summary>
public sealed class AppointmentPassIssuer(SigningKeyRing keys, TimeProvider time)
{
    public string Issue(AppointmentPassClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var now = time.GetUtcNow();
        var key = keys.SignerAt(now)
                  ?? throw new InvalidOperationException("No appointment-pass signing key is active: run Booking.Tool rotate-signing-key.");
        var signingInput = PassToken.SigningInput(key.Kid, claims, now);
        return signingInput + "." + Base64Url.EncodeToString(key.Sign(Encoding.ASCII.GetBytes(signingInput)));
    }
}
