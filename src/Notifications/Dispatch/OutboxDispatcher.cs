using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Booking.Notifications.Dispatch;

/// <summary>
/// Drains the outbox: claim a batch (one round trip), open the citizens' sealed contacts and check SMS opt-outs
/// (one more), send concurrently, record every result in one statement. Several loops per process, and several
/// processes, claim disjoint batches (<c>skip locked</c>), so a burst is spread over all of them.
/// </summary>
public sealed class OutboxDispatcher(
    NotificationOutbox outbox,
    SmsOptOuts optOuts,
    PersonalDataProtector protector,
    NotificationSender sender,
    NotificationMetrics metrics,
    IOptions<DispatchOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : OutboxLoop(options.Value, clock, logger, options.Value.Loops)
{
    private readonly DispatchOptions _options = options.Value;

    public override async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claimedAt = Clock.GetTimestamp();
        var claimed = await outbox.ClaimAsync(_options.WorkerId, _options.BatchSize, _options.Lease, cancellationToken);
        if (claimed.Count == 0)
            return 0;
        metrics.Claimed(claimed);
        var contacts = await ContactsAsync(claimed, cancellationToken);
        var records = new SendRecord?[claimed.Count];
        // A message of a booking shredded with its tenant's key has no one to go to: failed for good, never retried.
        for (var i = 0; i < claimed.Count; i++)
            if (contacts[i] is null)
                records[i] = new SendRecord(claimed[i].Id, claimed[i].Channel ?? NotificationChannel.Sms, NotificationStatus.Failed, null, Shredded, null, null);
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.ConcurrentSends, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                // Past most of the lease another worker may take the message over: leave it to come due again
                // rather than risk two sends.
                if (contacts[i] is { } contact && Clock.GetElapsedTime(claimedAt) < _options.Lease * 0.8)
                    records[i] = await sender.SendAsync(claimed[i], contact, ct);
            });
        var done = records.OfType<SendRecord>().ToList();
        if (done.Count < claimed.Count)
            Logger.LogWarning("{Left} of {Claimed} messages were left for a later claim: the batch outlasted its lease", claimed.Count - done.Count, claimed.Count);
        await RecordAsync(done);
        return claimed.Count;
    }

    /// <summary>A send that is not recorded goes again when its lease ends: a second copy for the citizen where the
    /// provider has no idempotency key. So a transient database failure here is retried, not left to the lease.</summary>
    private async Task RecordAsync(List<SendRecord> done)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outbox.RecordAsync(_options.WorkerId, done, CancellationToken.None);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt < attempts)
            {
                Logger.LogWarning(e, "Recording {Count} sends failed (attempt {Attempt} of {Attempts}); retrying", done.Count, attempt, attempts);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), Clock);
            }
        }
    }

    /// <summary>Each message's contact; null for a booking shredded with its tenant's key.</summary>
    private async Task<CitizenContact?[]> ContactsAsync(IReadOnlyList<ClaimedNotification> claimed, CancellationToken cancellationToken)
    {
        var citizens = claimed.Select(c => protector.IsShredded(c.EncryptionKeyId) ? null : protector.Unseal(c.CitizenCiphertext, c.EncryptionKeyId)).ToArray();
        var phones = citizens.Where(c => c?.Phone is { Length: > 0 }).Select(c => protector.PhoneFingerprint(c!.Phone!)).ToList();
        var optedOut = await optOuts.OptedOutAsync(phones, cancellationToken);
        return citizens.Select(c => c is null ? null : new CitizenContact(c,
            c.Phone is { Length: > 0 } phone && optedOut.Contains(Convert.ToBase64String(protector.PhoneFingerprint(phone))))).ToArray();
    }

    private const string Shredded = "The booking's personal data was shredded with its tenant's key: no one to send to.";
}
