namespace Booking.Admin.Account;

/// <summary>Where to send someone back to: a path of this site only, never another site (an open redirect).</summary>
public static class LocalReturn
{
    public static bool IsLocal(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal);

    public static string Or(string? path, string fallback) => IsLocal(path) ? path! : fallback;
}
