using System.Threading.Channels;
using Booking.Data.Notifications;

namespace Booking.Notifications.Webhooks;

/// <summary>
/// Twilio calls back once per message and status change: two requests per SMS, thousands a second in a burst. Each
/// request waits until its report is committed (so a failure still gets the provider to retry), but the reports that
/// arrive while one batch is being written share the next statement and commit, as the booking grain's confirmations do.
/// </summary>
public sealed class DeliveryReportGroupCommit(DeliveryReports reports, ILogger<DeliveryReportGroupCommit> logger) : BackgroundService
{
    private const int MaxBatch = 500;

    private sealed record Pending(string Channel, ProviderReport Report, TaskCompletionSource Committed);

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>();

    /// <exception cref="OperationCanceledException">The worker is stopping: the report was not applied.</exception>
    public Task ApplyAsync(string channel, ProviderReport report, CancellationToken cancellationToken)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite(new Pending(channel, report, committed)))
            throw new OperationCanceledException("The worker is stopping.");
        return committed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
                batch.Add(pending);
            foreach (var channel in batch.GroupBy(p => p.Channel))
                await CommitAsync(channel.Key, channel.ToList(), stoppingToken);
        }
    }

    /// <summary>Reports still waiting, and any that arrive later, are refused at once (the provider sends them again)
    /// rather than holding their requests, and the shutdown, until the server gives up on them.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _pending.Writer.TryComplete();
        while (_pending.Reader.TryRead(out var left))
            left.Committed.TrySetCanceled(CancellationToken.None);
    }

    private async Task CommitAsync(string channel, List<Pending> batch, CancellationToken stoppingToken)
    {
        try
        {
            await reports.ApplyAsync(channel, batch.ConvertAll(p => p.Report), stoppingToken);
            batch.ForEach(p => p.Committed.TrySetResult());
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Applying {Count} {Channel} delivery reports failed; the provider will send them again", batch.Count, channel);
            batch.ForEach(p => p.Committed.TrySetException(e));
        }
    }
}
