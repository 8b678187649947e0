using System.Globalization;
using System.Text.RegularExpressions;

namespace Booking.LoadTest.Faults;

public enum FaultKind
{
    /// <summary>kill -9 of a silo; its supervisor starts it again.</summary>
    SiloKill,
    /// <summary>SIGTERM to a silo: a graceful stop that hands its clinic-days' holds over; its supervisor starts it again.</summary>
    SiloStop,
    /// <summary>A fast restart of the platform's PostgreSQL (pg_ctl restart -m fast: sessions cut, no crash recovery).</summary>
    PostgresRestart,
    /// <summary>kill -9 of a citizen web host; the proxy sends its traffic to the others, its supervisor starts it again.</summary>
    WebKill,
}

/// <summary>One fault to inject <paramref name="At"/> after the run starts; <paramref name="Target"/> is which silo or web
/// host (1 = silo-1 or web-1), unused for PostgreSQL.</summary>
public sealed record PlannedFault(FaultKind Kind, int Target, TimeSpan At)
{
    public string Name => $"{FaultPlan.NameOf(Kind)}{(Kind == FaultKind.PostgresRestart ? "" : $":{Target}")}@{At.TotalSeconds:0.###}s";
}

/// <summary>The <c>--fault</c> option: <c>KIND[:N]@SECONDSs</c>, several separated by commas, e.g.
/// <c>silo-kill@20s</c>, <c>web-kill:2@20s,postgres-restart@40s</c>.</summary>
public static partial class FaultPlan
{
    private static readonly Dictionary<string, FaultKind> Kinds = new(StringComparer.Ordinal)
    {
        ["silo-kill"] = FaultKind.SiloKill,
        ["silo-stop"] = FaultKind.SiloStop,
        ["postgres-restart"] = FaultKind.PostgresRestart,
        ["web-kill"] = FaultKind.WebKill,
    };

    public static string Syntax => $"KIND[:N]@SECONDSs with KIND one of {string.Join(", ", Kinds.Keys)}";

    public static string NameOf(FaultKind kind) => Kinds.First(kv => kv.Value == kind).Key;

    /// <summary>The faults in the order they happen; a bad item is a <see cref="UsageException"/> naming it.</summary>
    public static IReadOnlyList<PlannedFault> Parse(string text)
    {
        var faults = new List<PlannedFault>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = ItemPattern().Match(item);
            if (!match.Success || !Kinds.TryGetValue(match.Groups["kind"].Value, out var kind))
                throw new UsageException($"--fault '{item}' is not {Syntax} (e.g. silo-kill@20s).");
            var seconds = double.Parse(match.Groups["at"].Value, CultureInfo.InvariantCulture);
            var target = match.Groups["target"].Success ? int.Parse(match.Groups["target"].Value, CultureInfo.InvariantCulture) : 1;
            if (target < 1)
                throw new UsageException($"--fault '{item}': the silo or web host is counted from 1.");
            if (kind == FaultKind.PostgresRestart && match.Groups["target"].Success)
                throw new UsageException($"--fault '{item}': there is one PostgreSQL, it takes no number.");
            faults.Add(new PlannedFault(kind, target, TimeSpan.FromSeconds(seconds)));
        }
        return faults.OrderBy(f => f.At).ToList();
    }

    [GeneratedRegex(@"^(?<kind>[a-z-]+)(:(?<target>\d+))?@(?<at>\d+(\.\d+)?)s$")]
    private static partial Regex ItemPattern();
}
