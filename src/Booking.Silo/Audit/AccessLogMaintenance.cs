using Booking.Data.Audit;
using Booking.Silo.Infrastructure;
using Microsoft.Extensions.Options;

namespace Booking.Silo.Audit;

/// <summary>
/// Seals new access-log rows into the hash chain every <see cref="AccessLogOptions.SealInterval"/> and purges rows past
/// retention every <see cref="AccessLogOptions.PurgeInterval"/>, logging what it did. Every silo runs it; the database
/// lets one seal or purge at a time. The chain's head is logged after each seal: a copy outside the database that
/// shows if rows at the end are later removed, or the chain rewritten.
/// </summary>
public sealed class AccessLogMaintenance(
    AccessLogChain chain,
    AccessLogRetention retention,
    IOptions<AccessLogOptions> options,
    TimeProvider clock,
    ILogger<AccessLogMaintenance> logger) : PeriodicSiloJob(clock, logger)
{
    private readonly AccessLogOptions _settings = options.Value;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => _settings.SealInterval;

    protected override string Work => "Access-log maintenance";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await SealAsync(cancellationToken);
        if (Now >= _nextPurge)
        {
            await PurgeAsync(_settings.RetentionMonths, cancellationToken);
            _nextPurge = Now + _settings.PurgeInterval;
        }
    }

    private async Task SealAsync(CancellationToken cancellationToken)
    {
        long sealedNow, sealedInAll = 0;
        do
        {
            sealedNow = await chain.SealAsync(cancellationToken);
            sealedInAll += sealedNow;
        }
        while (sealedNow == AccessLogChain.Batch);
        if (sealedInAll > 0)
            Logger.LogInformation("Sealed {Rows} access-log rows; chain head at {Head}", sealedInAll, await chain.HeadAsync(cancellationToken));
    }

    private async Task PurgeAsync(int retentionMonths, CancellationToken cancellationToken)
    {
        var purge = await retention.PurgeAsync(retentionMonths, cancellationToken);
        Logger.LogInformation("Access-log retention ({Months} months): purged {Rows} rows{Through}", retentionMonths, purge.RowsPurged,
            purge.PurgedThrough is { } through ? $" through chain position {through}" : "");
    }
}
