namespace Booking.Data.Protection;

/// <summary>The key file holds every key that protects personal data and signs passes: only its owner (the account the
/// hosts run as) may read or write it. Does nothing on Windows, where access is set by the folder's ACL.</summary>
public static class KeyFileAccess
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates (or replaces) the file owner-only from its first byte: no moment when another user could open it.
    /// Written beside and moved over, so a crash mid-write cannot leave a half key file, and a host reading it meanwhile
    /// sees the old file or the new one, whole.</summary>
    public static void WriteOwnerOnly(string path, string contents)
    {
        var temporary = path + ".tmp";
        // A leftover from a crash would keep its own mode: removed first, so the new one is created owner-only.
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(false), options))
            writer.Write(contents);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Narrows the file to owner-only; true when others (group or world) could read or write it.</summary>
    public static bool RestrictToOwner(string path)
    {
        if (OperatingSystem.IsWindows())
            return false;
        var mode = File.GetUnixFileMode(path);
        if (mode != OwnerOnly)
            File.SetUnixFileMode(path, OwnerOnly);
        return (mode & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0;
    }
}
