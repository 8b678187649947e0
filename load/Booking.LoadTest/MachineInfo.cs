using System.Runtime.InteropServices;

namespace Booking.LoadTest;

/// <summary>The machine the numbers come from: a report without it cannot be compared with another.</summary>
public sealed record MachineInfo(int Cores, string? CpuModel, double MemoryGiB, string OperatingSystem, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name"),
        MemoryBytes() / (1024.0 * 1024 * 1024),
        OsName(),
        RuntimeInformation.FrameworkDescription);

    public override string ToString() =>
        $"{Cores} cores{(CpuModel is null ? "" : $" ({CpuModel})")}, {MemoryGiB:0.0} GiB RAM, {OperatingSystem}, {Runtime}";

    /// <summary>The 1, 5 and 15 minute load averages ("0.71 2.32 3.54"): on a shared machine, what else was running.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    private static double MemoryBytes()
    {
        // MemTotal is in kB; outside Linux, what the GC may use is the best available figure.
        var total = ProcField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(total, out var kb) ? kb * 1024.0 : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static string OsName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : null;
        return pretty is null ? RuntimeInformation.OSDescription : kernel is null ? pretty : $"{pretty}, Linux {kernel}";
    }

    private static string? ProcField(string file, string field)
    {
        if (!File.Exists(file))
            return null;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
