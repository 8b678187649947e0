using Booking.Data.Audit;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.PostalCodes;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Booking.Data.Infrastructure;

public static class DataServiceCollectionExtensions
{
    /// <summary>One pooled <see cref="NpgsqlDataSource"/> per process, the repositories and the migration runner.</summary>
    public static IServiceCollection AddBookingData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => CreateDataSource(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddSingleton<CatalogRepository>();
        services.AddSingleton<BookingRepository>();
        services.AddSingleton<DeclarationRepository>();
        services.AddSingleton<PrivacyRequestRepository>();
        services.AddSingleton<PostalCodeRepository>();
        services.AddSingleton<InventoryAudit>();
        services.AddSingleton<PersonalDataAccessLog>();
        services.AddSingleton<MigrationRunner>();
        return services;
    }

    /// <summary>The booking path runs the same few statements thousands of times a second; preparing them spares
    /// PostgreSQL a parse and a plan each time (measured: most of its CPU under load). A connection string may override.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        return builder.Build();
    }

    /// <summary>The keys for personal data and manage links, read from a file outside the database.</summary>
    public static IServiceCollection AddBookingProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectionOptions>()
            .Bind(configuration.GetSection(ProtectionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(o.KeyFile), "Booking:DataProtection:KeyFile must name an existing key file.")
            .ValidateOnStart();
        services.AddSingleton(sp => KeyRing.Load(sp.GetRequiredService<IOptions<ProtectionOptions>>().Value.KeyFile));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<ManageTokens>();
        services.AddSingleton<WaitingRoomTokens>();
        return services;
    }

    public static IHealthChecksBuilder AddDatabaseCheck(this IHealthChecksBuilder builder, params string[] tags) =>
        builder.AddCheck<DatabaseHealthCheck>("postgresql", tags: tags);
}
