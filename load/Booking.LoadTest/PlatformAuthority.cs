using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Booking.LoadTest;

/// <summary>In cluster mode <c>./run.sh</c> serves the citizen site over HTTPS with a certificate of the platform's own
/// small authority (<c>STATE/tls/ca.pem</c>, named in <c>platform.state</c>), which no system trust store knows. The
/// runner trusts that authority, and only it, for the host name it was given: the same check a browser makes once the
/// authority is installed.</summary>
public static class PlatformAuthority
{
    public static RemoteCertificateValidationCallback Trusting(string authorityFile)
    {
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(authorityFile));
        return (_, certificate, _, errors) =>
        {
            // A wrong name or a missing certificate fails whatever issued it; only the chain is judged here.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = new X509Certificate2(certificate);
            return chain.Build(presented);
        };
    }
}
