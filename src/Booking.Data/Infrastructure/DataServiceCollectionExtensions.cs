using Booking.Data.Audit;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Identity;
using Booking.Data.Notifications;
using Booking.Data.Offer;
using Booking.Data.Operations;
using Booking.Data.PostalCodes;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Data.Reporting;
using Booking.Data.Staff;
using Booking.Data.WaitingRooms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Booking.Data.Infrastructure;

public static class DataServiceCollectionExtensions
{
    /// <summary>One pooled <see cref="NpgsqlDataSource"/> per process (the application role) and the repositories.</summary>
    public static IServiceCollection AddBookingData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => CreateDataSource(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddSingleton<CatalogRepository>();
        services.AddSingleton<BookingRepository>();
        services.AddSingleton<WaitingRoomDayRepository>();
        services.AddSingleton<StaffChangeLog>();
        services.AddSingleton<HandedOverHoldRepository>();
        services.AddSingleton<DeclarationRepository>();
        services.AddSingleton<PrivacyRequestRepository>();
        services.AddSingleton<PrivacyQueueRepository>();
        services.AddSingleton<AccessRequestRepository>();
        services.AddSingleton<ComplaintAnswerOutbox>();
        services.AddSingleton<PostalCodeRepository>();
        services.AddSingleton<InventoryAudit>();
        services.AddSingleton<PersonalDataAccessLog>();
        services.AddSingleton<ClinicDay.ClinicDayRepository>();
        services.AddSingleton<Dashboard.DashboardQuery>();
        services.AddSingleton<AccessLogChain>();
        services.AddSingleton<AccessLogRetention>();
        services.AddSingleton<AccessLogVerifier>();
        services.AddSingleton<Retention.TenantRetentionRepository>();
        services.AddSingleton<Retention.RetentionPurge>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<StaffOutbox>();
        services.AddSingleton<ProviderEvents>();
        services.AddSingleton<ReminderQueue>();
        services.AddSingleton<SmsOptOuts>();
        services.AddSingleton<SmsReplies>();
        services.AddSingleton<WaitingList.WaitingListRepository>();
        services.AddSingleton<WaitingList.WaitingListOutbox>();
        services.AddSingleton<DeliveryStatusQuery>();
        services.AddSingleton<MeteringQuery>();
        services.AddSingleton<ExtractStore>();
        services.AddSingleton<MachineClientRepository>();
        services.AddSingleton<AuthorizationCodeRedemptions>();
        services.AddSingleton<AvailabilityRecord>();
        services.AddOfferData();
        services.AddSingleton<Bulk.BulkJobRepository>();
        services.AddSingleton<Bulk.BulkBookingChanges>();
        services.AddSingleton<Bulk.BulkOffers>();
        services.AddStaffData();
        return services;
    }

    /// <summary>The reporting connection the ministry's extracts read through (<see cref="ReportingDataSource"/>), and
    /// their source queries; the primary's connection string when no reporting one is configured.</summary>
    public static IServiceCollection AddReportingData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new ReportingDataSource(CreateDataSource(
            configuration.GetConnectionString(ReportingDataSource.ConnectionStringName) is { Length: > 0 } reporting
                ? reporting
                : sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)));
        services.AddSingleton<ExtractSourceQueries>();
        return services;
    }

    /// <summary>The migration runner, connected as the schema's owner; only for the process that migrates.</summary>
    public static IServiceCollection AddBookingMigrations(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseOptions.MigrationsConnectionStringName);
        if (string.IsNullOrEmpty(connectionString))
            throw new InvalidOperationException($"ConnectionStrings:{DatabaseOptions.MigrationsConnectionStringName} (the schema owner) is required to migrate.");
        services.AddSingleton(sp => new MigrationRunner(connectionString, sp.GetRequiredService<ILogger<MigrationRunner>>()));
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
        // Personal data follows the file (tenant keys come and go); the fingerprint and link keys never change.
        services.AddSingleton(sp => new KeyFileRing(sp.GetRequiredService<IOptions<ProtectionOptions>>().Value.KeyFile));
        services.AddSingleton(sp => new PersonalDataProtector(() => sp.GetRequiredService<KeyFileRing>().Current));
        services.AddSingleton<PersonalDataHoldings>();
        services.AddSingleton<TenantResealing>();
        services.AddSingleton<ManageTokens>();
        services.AddSingleton<StaffInvitationTokens>();
        services.AddSingleton<WaitingRoomTokens>();
        services.AddSingleton<OfferTokens>();
        services.AddSingleton<WaitingListTokens>();
        return services;
    }

    public static IHealthChecksBuilder AddDatabaseCheck(this IHealthChecksBuilder builder, params string[] tags) =>
        builder.AddCheck<DatabaseHealthCheck>("postgresql", tags: tags);
}
