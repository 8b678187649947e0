using System.Globalization;

namespace Booking.LoadTest.Faults;

/// <summary>The platform <c>./run.sh</c> is running, as it describes itself in <c>STATE/platform.state</c> (key=value
/// lines) and <c>STATE/pids/NAME.pid</c> (each host's current process, rewritten by its supervisor at every restart).</summary>
public sealed class PlatformState
{
    public const string FileName = "platform.state";

    private readonly IReadOnlyDictionary<string, string> _values;

    private PlatformState(string file, IReadOnlyDictionary<string, string> values)
    {
        File = file;
        _values = values;
        Silos = Count("silos");
        WebHosts = Count("web_hosts");
    }

    public string File { get; }
    public int Silos { get; }
    public int WebHosts { get; }
    public string PidDirectory => Value("pids");
    public string PgCtl => Value("pg_ctl");
    public string PgData => Value("pg_data");
    public string PgLog => Value("pg_log");
    /// <summary>The user PostgreSQL runs as (it refuses to run as root).</summary>
    public string PgOwner => Value("pg_owner");

    /// <summary>The authority whose certificates the platform serves HTTPS with (cluster mode), if it names one.</summary>
    public string? AuthorityFile => _values.TryGetValue("authority", out var file) && file.Length > 0 ? file : null;

    /// <summary>The platform's description, or null when no <c>./run.sh</c> keeps its state there (a deployment
    /// elsewhere).</summary>
    public static PlatformState? Find(string stateDirectory) =>
        System.IO.File.Exists(Path.Combine(stateDirectory, FileName)) ? Load(stateDirectory) : null;

    public static PlatformState Load(string stateDirectory)
    {
        var file = Path.Combine(stateDirectory, FileName);
        if (!System.IO.File.Exists(file))
            throw new UsageException($"{file} does not exist: is ./run.sh running with BOOKING_STATE_DIR={stateDirectory}?");
        var values = System.IO.File.ReadAllLines(file)
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('='))
            .Select(line => line.Split('=', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.Ordinal);
        return new PlatformState(file, values);
    }

    /// <summary>The supervisor's name for silo or web host <paramref name="n"/>: "silo" when there is one, "silo-2" among several.</summary>
    public string HostName(FaultKind kind, int n)
    {
        var (prefix, count) = kind is FaultKind.WebKill ? ("web", WebHosts) : ("silo", Silos);
        if (n > count)
            throw new UsageException($"The platform runs {count} {prefix} host(s): there is no {prefix} {n} (see {File}).");
        return count == 1 ? prefix : $"{prefix}-{n}";
    }

    /// <summary>The host's current process id, or null while it is down (between an exit and its restart).</summary>
    public int? CurrentPid(string hostName)
    {
        var file = Path.Combine(PidDirectory, hostName + ".pid");
        try
        {
            return int.TryParse(System.IO.File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string Value(string key) =>
        _values.TryGetValue(key, out var value) && value.Length > 0 ? value : throw new UsageException($"{File} has no '{key}'.");

    private int Count(string key) =>
        int.TryParse(Value(key), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new UsageException($"{File}: '{key}' is not a positive whole number.");
}
