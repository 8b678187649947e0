namespace Booking.Notifications.Tests;

/// <summary>A program of the solution built alongside this test assembly, in the same configuration.</summary>
public static class BuiltAssembly
{
    public static string Path(string project, string assembly)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "Booking.sln")))
            root = root.Parent;
        var path = System.IO.Path.Combine(root!.FullName, "src", project, "bin", configuration, testBin.Name, assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {assembly} is missing.", path);
    }
}
