namespace Booking.Testing;

/// <summary>The repository's root folder (the one holding Booking.sln), for tools installed beside the tests.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Booking.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository (Booking.sln) above " + AppContext.BaseDirectory);
    }
}
