using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Booking.ClusterClient;

/// <summary>
/// Orleans traffic (silo to silo, client to gateway) over mutual TLS: every silo and every client presents a
/// certificate issued by the cluster's own authority and accepts only peers whose certificate that authority issued.
/// A process without such a certificate cannot join the cluster nor call a grain. Set by <c>Orleans:Tls</c>: PEM files
/// of this process's certificate and key, and of the authority; without them the traffic is plain TCP (tests on
/// loopback). TLS 1.2 and 1.3 only (Orleans' default), ECDHE suites from the platform: forward secrecy.
/// </summary>
public sealed class ClusterTls
{
    public const string Section = "Orleans:Tls";

    public string? CertificateFile { get; set; }
    public string? KeyFile { get; set; }
    public string? AuthorityFile { get; set; }

    public static ClusterTls? From(IConfiguration configuration)
    {
        var tls = configuration.GetSection(Section).Get<ClusterTls>();
        if (tls is null || (tls.CertificateFile, tls.KeyFile, tls.AuthorityFile) is (null or "", null or "", null or ""))
            return null;
        if (string.IsNullOrEmpty(tls.CertificateFile) || string.IsNullOrEmpty(tls.KeyFile) || string.IsNullOrEmpty(tls.AuthorityFile))
            throw new InvalidOperationException($"{Section} needs CertificateFile, KeyFile and AuthorityFile together.");
        return tls;
    }

    public void ApplyTo(ISiloBuilder silo) => silo.UseTls(Certificate(), Configure);

    public void ApplyTo(IClientBuilder client) => client.UseTls(Certificate(), Configure);

    /// <summary>Issued by the cluster's authority, whatever the certificate's names: silos reach each other by the IP
    /// addresses of the membership table, so the authority, not a host name, is what makes a peer a member.</summary>
    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private void Configure(TlsOptions options)
    {
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(AuthorityFile!));
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, _) => IsIssuedBy(certificate, authority);
    }

    private X509Certificate2 Certificate() => X509Certificate2.CreateFromPemFile(CertificateFile!, KeyFile!);
}
