using Booking.Passes.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Booking.Passes;

public static class PassServiceCollectionExtensions
{
    /// <summary>Issuer, verifier and published keys of appointment passes. <c>Booking:Passes:KeyFile</c> overrides the
    /// shared key file; the host refuses to start when the file has no signing key.</summary>
    public static IServiceCollection AddAppointmentPasses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppointmentPassOptions>()
            .Configure(o => o.KeyFile = configuration[AppointmentPassOptions.SharedKeyFileSetting] ?? "")
            .Bind(configuration.GetSection(AppointmentPassOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(o.KeyFile), "The key file for appointment passes (Booking:Passes:KeyFile or Booking:DataProtection:KeyFile) must exist.")
            .Validate(o => SigningKeyFile.Load(o.KeyFile).Keys.Count > 0,
                "The key file has no appointment-pass signing key: run `Booking.Tool init-keys FILE` once.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => SigningKeyFile.Load(sp.GetRequiredService<IOptions<AppointmentPassOptions>>().Value.KeyFile));
        services.TryAddSingleton<PublishedKeys>();
        services.TryAddSingleton<AppointmentPassIssuer>();
        services.TryAddSingleton(sp => new AppointmentPassVerifier(sp.GetRequiredService<PublishedKeys>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
