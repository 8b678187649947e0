using System.Globalization;
using Booking.LoadTest.Faults;

namespace Booking.LoadTest.WaitingRooms;

/// <summary>CPU seconds (user + system) the platform's web hosts and silos have spent, from <c>/proc/PID/stat</c> of the
/// processes <c>./run.sh</c> names in its state folder: what one request costs each tier, whatever else the machine runs.</summary>
public static class HostCpu
{
    /// <summary>"web" and "silo" (summed over their instances) → CPU seconds; empty when the platform is not this machine's.</summary>
    public static IReadOnlyDictionary<string, double> Read(string stateDirectory)
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        if (PlatformState.Find(stateDirectory) is not { } platform || !Directory.Exists(platform.PidDirectory))
            return seconds;
        foreach (var file in Directory.GetFiles(platform.PidDirectory, "*.pid"))
        {
            var tier = Path.GetFileNameWithoutExtension(file).Split('-')[0];
            if (tier is not ("web" or "silo") || !int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            var stat = $"/proc/{pid}/stat";
            if (File.Exists(stat) && CpuSeconds(File.ReadAllText(stat), ClockTicksPerSecond) is { } cpu)
                seconds[tier] = seconds.GetValueOrDefault(tier) + cpu;
        }
        return seconds;
    }

    /// <summary>Linux counts CPU time in clock ticks of 1/100 s (<c>getconf CLK_TCK</c>) on every architecture .NET runs on.</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>utime + stime (fields 14 and 15) of a <c>/proc/PID/stat</c> line, counted after the command name's closing
    /// parenthesis, since the name may hold spaces.</summary>
    public static double? CpuSeconds(string stat, double ticksPerSecond)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 12 && long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            && long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system)
            ? (user + system) / ticksPerSecond
            : null;
    }
}
