using Booking.Data.Infrastructure;
using Booking.Reporting.Access;
using Booking.Reporting.Building;
using Booking.Reporting.Datasets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>The ministry's datasets, their builder and downloads, over the reporting connection. The datasets are
    /// registered in the order the files list them.</summary>
    public static IServiceCollection AddMinistryExtracts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReportingData(configuration);
        services.AddOptions<ExtractOptions>().Bind(configuration.GetSection(ExtractOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IExtractSource, BookingsDataset>();
        services.AddSingleton<IExtractSource, CapacityDataset>();
        services.AddSingleton<IExtractSource, NotificationVolumesDataset>();
        services.AddSingleton<IExtractSource, PrivacyRequestsDataset>();
        services.AddSingleton<IExtractSource, WaitingRoomDataset>();
        services.AddSingleton<ExtractBuilder>();
        services.AddSingleton<ExtractDownloads>();
        return services;
    }

    /// <summary>The daily job that builds yesterday's partition, and its lag metric.</summary>
    public static IServiceCollection AddMinistryExtractJob(this IServiceCollection services)
    {
        services.AddSingleton<ExtractMetrics>();
        services.AddSingleton<ExtractJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ExtractJob>());
        return services;
    }
}
