using System.Diagnostics;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>The real Booking.Silo executable in its own process, so that a test can kill it like a machine failure.</summary>
public sealed class SiloProcess(string connectionString, string clusterId, int siloPort, int gatewayPort) : IDisposable
{
    private Process? _process;

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet", [SiloAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Booking"] = connectionString;
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__SiloPort"] = siloPort.ToString();
        start.Environment["Orleans__GatewayPort"] = gatewayPort.ToString();
        start.Environment[TestClock.HostSetting.Key.Replace(":", "__", StringComparison.Ordinal)] = TestClock.HostSetting.Value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        _process = Process.Start(start)!;
        // Drain the output so the child never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no graceful shutdown, no chance to flush anything.</summary>
    public void Kill()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
            Kill();
        _process?.Dispose();
    }

    /// <summary>The silo built alongside this test assembly, in the same configuration (Debug or Release).</summary>
    private static string SiloAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Booking.sln")))
            root = root.Parent;
        var silo = Path.Combine(root!.FullName, "src", "Booking.Silo", "bin", configuration, testBin.Name, "Booking.Silo.dll");
        return File.Exists(silo) ? silo : throw new FileNotFoundException("Build the solution first: the silo executable is missing.", silo);
    }
}
