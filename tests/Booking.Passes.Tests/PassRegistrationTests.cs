using Booking.Data.Protection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Booking.Passes.Tests;

public sealed class PassRegistrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"booking-keys-{Guid.NewGuid():N}.json");

    [Fact]
    public void A_host_whose_key_file_has_no_signing_key_is_told_to_run_init_keys()
    {
        KeyRing.Generate("k1").Save(_path);

        var error = Assert.Throws<OptionsValidationException>(() => Options(("Booking:DataProtection:KeyFile", _path)));

        Assert.Contains("init-keys", error.Message);
    }

    [Fact]
    public void A_missing_key_file_is_named_as_such()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(("Booking:DataProtection:KeyFile", _path)));

        Assert.Contains("must exist", error.Message);
    }

    [Fact]
    public void The_pass_key_file_setting_overrides_the_shared_one_and_the_registered_parts_work_together()
    {
        KeyRing.Generate("k1").Save(_path);
        var passFile = Booking.Testing.TestKeyFile.Create();

        using var services = Provider(("Booking:DataProtection:KeyFile", _path), ("Booking:Passes:KeyFile", passFile));
        var token = services.GetRequiredService<AppointmentPassIssuer>().Issue(PassScenario.Claims(DateTimeOffset.UtcNow.AddDays(1)));

        Assert.Equal(passFile, services.GetRequiredService<IOptions<AppointmentPassOptions>>().Value.KeyFile);
        Assert.True(services.GetRequiredService<AppointmentPassVerifier>().Verify(token).IsValid);
        File.Delete(passFile);
    }

    public void Dispose() => File.Delete(_path);

    private static AppointmentPassOptions Options(params (string Key, string Value)[] settings)
    {
        using var services = Provider(settings);
        return services.GetRequiredService<IOptions<AppointmentPassOptions>>().Value;
    }

    private static ServiceProvider Provider(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new ServiceCollection().AddLogging().AddAppointmentPasses(configuration).BuildServiceProvider();
    }
}
