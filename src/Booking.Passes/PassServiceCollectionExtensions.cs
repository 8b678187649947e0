using Booking.Passes.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Booking.Passes;

public static class PassServiceCollectionExtensions
{
    /// <summary>Issuer, verifier and published keys of appointment passes. <c>Booking:Passes:KeyFile</c> overrides the
    /// shared key file; the host refuses to start when the file has no signing key.</summary>
    public static IServiceCollection AddAppointmentPasses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppointmentPassVerifier(configuration);
        services.TryAddSingleton<AppointmentPassIssuer>();
        return services;
    }

    /// <summary>The verifier and the published keys only, for a host that checks passes and never issues one (the staff
    /// site's front desk): it trusts the public half of the same key file, as it stands at each verification.</summary>
    public static IServiceCollection AddAppointmentPassVerifier(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppointmentPassOptions>()
            .Configure(o => o.KeyFile = configuration[AppointmentPassOptions.SharedKeyFileSetting] ?? "")
            .Bind(configuration.GetSection(AppointmentPassOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(o.KeyFile), "The key file for appointment passes (Booking:Passes:KeyFile or Booking:DataProtection:KeyFile) must exist.")
            .Validate(o => !File.Exists(o.KeyFile) || SigningKeyFile.Load(o.KeyFile).Keys.Count > 0,
                "The key file has no appointment-pass signing key: run `Booking.Tool init-keys FILE` once.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => LoadRing(sp));
        services.TryAddSingleton<PublishedKeys>();
        services.TryAddSingleton(sp => new AppointmentPassVerifier(sp.GetRequiredService<PublishedKeys>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Every read of the signing keys is logged (ids and dates only), as the ministry's key rules ask.</summary>
    private static SigningKeyRing LoadRing(IServiceProvider services)
    {
        var path = services.GetRequiredService<IOptions<AppointmentPassOptions>>().Value.KeyFile;
        var ring = SigningKeyFile.Load(path);
        services.GetService<ILoggerFactory>()?.CreateLogger(typeof(SigningKeyRing))
            .LogInformation("Appointment-pass signing keys read from {KeyFile}: {Keys}", path, string.Join("; ", ring.Keys));
        return ring;
    }
}
