namespace Booking.LoadTest;

/// <summary>The <c>--name value</c> pairs of the runner's own small commands (the notification burst, the bulk move).</summary>
public static class CommandOptions
{
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
            options[args[i]] = args[i + 1];
        return options;
    }

    /// <summary>run.sh's state folder (<c>--state-dir</c>), where the database password is found.</summary>
    public static string StateDirectory(Dictionary<string, string> options) =>
        options.GetValueOrDefault("--state-dir") ?? CommandLine.DefaultStateDirectory;
}
