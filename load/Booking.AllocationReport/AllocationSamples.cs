using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Booking.AllocationReport;

/// <summary>One allocation sample: the type, the bytes it stands for, and the stack, innermost frame first.</summary>
public sealed record AllocationSample(string Type, long Bytes, IReadOnlyList<string> Frames);

public static class AllocationSamples
{
    public static readonly string[] Views = ["types", "frames", "nearest", "inside", "stacks"];

    public static IReadOnlyList<AllocationSample> Read(string nettrace)
    {
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(nettrace));
        var samples = new List<AllocationSample>();
        var source = log.Events.GetSource();
        source.Clr.GCAllocationTick += (GCAllocationTickTraceData tick) =>
        {
            var frames = new List<string>();
            for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
                frames.Add(frame.CodeAddress.FullMethodName is { Length: > 0 } name ? name : $"?{frame.CodeAddress.ModuleName}");
            samples.Add(new AllocationSample(tick.TypeName ?? "?", tick.AllocationAmount64, frames));
        };
        source.Process();
        return samples;
    }

    /// <summary>Each key's share of all the bytes sampled, largest first.</summary>
    public static IEnumerable<(string Key, double Share)> Shares(this IReadOnlyList<AllocationSample> samples, string view, string text)
    {
        var total = (double)samples.Sum(s => s.Bytes);
        return samples
            .SelectMany(sample => Keys(sample, view, text).Select(key => (key, sample.Bytes)))
            .GroupBy(pair => pair.key, pair => pair.Bytes)
            .Select(group => (group.Key, group.Sum() / total))
            .OrderByDescending(pair => pair.Item2);
    }

    private static IEnumerable<string> Keys(AllocationSample sample, string view, string text)
    {
        switch (view)
        {
            case "types":
                return [sample.Type];
            case "frames":
                return sample.Frames.Where(frame => frame.Contains(text, StringComparison.Ordinal)).Distinct();
            case "stacks":
                // The callers too: which of the application's requests reached a framework frame.
                return sample.Frames.Any(frame => frame.Contains(text, StringComparison.Ordinal))
                    ? [$"{sample.Type}\n      " + string.Join("\n      ", sample.Frames.Take(24))] : [];
            default:
                // An async method's own frames, not the runtime's boxes around them.
                var nearest = sample.Frames.ToList().FindIndex(frame => frame.Contains(text, StringComparison.Ordinal)
                    && !frame.Contains("AsyncStateMachineBox", StringComparison.Ordinal));
                if (view == "nearest")
                    return [nearest < 0 ? "(none)" : nearest == 0 ? sample.Frames[0] : $"{sample.Frames[nearest]}  <- {sample.Frames[nearest - 1]}"];
                return nearest < 0 ? [] : [nearest == 0 ? $"{sample.Type}  (by the frame itself)"
                    : $"{sample.Type}  in {string.Join("  <- ", sample.Frames.Take(Math.Min(nearest, 2)))}"];
        }
    }
}
