using System.Collections.Concurrent;

namespace Booking.DevInbox;

/// <summary>What the stub does to the next requests of one channel: answer normally, fail with a 5xx, hang past the
/// client's timeout, refuse for good (4xx), or accept and then report a bounce / failed delivery.</summary>
public enum FaultMode { None, ServerError, Slow, Reject, Bounce }

/// <summary>Faults set by tests (or by hand in development) per channel, for a number of requests or until cleared.</summary>
public sealed class ProviderFaults
{
    private readonly ConcurrentDictionary<string, (FaultMode Mode, int Remaining)> _faults = new(StringComparer.Ordinal);

    public void Set(string channel, FaultMode mode, int count) => _faults[channel] = (mode, count);

    public void Clear() => _faults.Clear();

    /// <summary>The fault for this request, counting it down (a negative count never runs out).</summary>
    public FaultMode Next(string channel)
    {
        while (_faults.TryGetValue(channel, out var fault))
        {
            if (fault.Mode == FaultMode.None || fault.Remaining == 0)
                return FaultMode.None;
            var next = fault with { Remaining = fault.Remaining < 0 ? fault.Remaining : fault.Remaining - 1 };
            if (_faults.TryUpdate(channel, next, fault))
                return fault.Mode;
        }
        return FaultMode.None;
    }
}
