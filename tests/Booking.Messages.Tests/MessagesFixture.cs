using Booking.Data.Demo;
using Booking.Data.Infrastructure;
using Booking.Data.Protection;
using Booking.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Messages.Tests;

/// <summary>The composer as a host builds it (AddBookingData, AddBookingProtection, AddBookingMessages) over a fresh,
/// migrated, demo-seeded database, with a clock the tests set. Reference data is re-read on every message here, so a
/// template a test stores is seen at once.</summary>
public sealed class MessagesFixture : IAsyncLifetime
{
    public static readonly Guid Plateau = new("10000000-0000-4000-8000-000000000003");
    public static readonly Guid Stade = DemoSeed.StadeOlympique;
    public const string BaseUrl = "https://rendez-vous.example.org";

    private readonly string _keyFile = TestKeyFile.Create();
    private ServiceProvider _services = null!;

    public PostgresDatabase Database { get; } = new();
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
    public IMessageComposer Composer => _services.GetRequiredService<IMessageComposer>();
    public ManageTokens ManageTokens => _services.GetRequiredService<ManageTokens>();
    public IServiceProvider Services => _services;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Booking"] = Database.ConnectionString,
            ["Booking:DataProtection:KeyFile"] = _keyFile,
            ["Booking:PublicBaseUrl"] = BaseUrl,
            ["Booking:Messages:ReferenceCacheDuration"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddBookingData(configuration);
        services.AddBookingProtection(configuration);
        services.AddBookingMessages(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
        File.Delete(_keyFile);
    }

    public static AppointmentFacts Facts(string language, DateTimeOffset start, Guid? location = null, string service = "FLU",
        DateTimeOffset? previousStart = null, Guid? previousLocation = null) =>
        new(Guid.Parse("6f1c8a52-0d5e-4a53-9a1e-1b7d2c3e4f50"), DemoSeed.MontrealRegion, "K7QF3M9T", language, "Marie",
            service, location ?? Plateau, start, start.AddMinutes(10), previousStart, previousLocation);
}
