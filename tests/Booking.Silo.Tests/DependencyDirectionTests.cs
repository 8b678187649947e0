using System.Reflection;
using Booking.Contracts;
using Booking.Data.Infrastructure;
using Booking.Domain.Inventory;
using Booking.Grains.Inventory;

namespace Booking.Silo.Tests;

/// <summary>
/// Dependencies point inward: the pure engine and the shared contracts need no other project, the data layer needs
/// neither the grains nor the Orleans runtime (so a host that only reads and writes the database does not carry it),
/// and the grain contracts need no data access. Read from the compiled assemblies' references, so a project or package
/// reference added by mistake fails here rather than in review.
/// </summary>
public sealed class DependencyDirectionTests
{
    // Orleans' serialization attributes ([GenerateSerializer], [Alias], [Id]): metadata only, no runtime.
    private const string SerializationAttributes = "Orleans.Serialization.Abstractions";

    private static readonly Assembly Domain = typeof(SlotInventory).Assembly;
    private static readonly Assembly Contracts = typeof(SealedCitizen).Assembly;
    private static readonly Assembly Data = typeof(DataServiceCollectionExtensions).Assembly;
    private static readonly Assembly GrainContracts = typeof(ILocationDayGrain).Assembly;

    /// <summary>Which of our projects each may reference directly: only those further in.</summary>
    private static readonly Dictionary<Assembly, string[]> Inward = new()
    {
        [Domain] = [],
        [Contracts] = [],
        [Data] = ["Booking.Domain", "Booking.Contracts"],
        [GrainContracts] = ["Booking.Domain", "Booking.Contracts"],
    };

    [Fact]
    public void Each_inner_project_references_only_projects_further_in()
    {
        var outward = Inward.SelectMany(layer => layer.Key.GetReferencedAssemblies()
                .Select(reference => reference.Name!)
                .Where(name => name.StartsWith("Booking.", StringComparison.Ordinal) && !layer.Value.Contains(name))
                .Select(name => $"{layer.Key.GetName().Name} -> {name}"))
            .ToList();

        Assert.True(outward.Count == 0, $"Pointing outward: {string.Join(", ", outward)}");
    }

    [Fact]
    public void The_data_layer_the_domain_and_the_contracts_reach_no_Orleans_runtime()
    {
        var runtime = new[] { Data, Domain, Contracts }
            .SelectMany(assembly => Reached(assembly).Where(IsOrleansRuntime).Select(name => $"{assembly.GetName().Name} -> {name}"))
            .ToList();

        Assert.True(runtime.Count == 0, $"Orleans reached: {string.Join(", ", runtime)}");
    }

    [Fact]
    public void The_check_sees_the_runtime_where_it_is()
    {
        Assert.Contains(Reached(GrainContracts), IsOrleansRuntime);
    }

    private static bool IsOrleansRuntime(string name) => name.StartsWith("Orleans", StringComparison.Ordinal) && name != SerializationAttributes;

    /// <summary>Every assembly the given one needs, directly or through others (the framework's own are not followed).</summary>
    private static HashSet<string> Reached(Assembly start)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(start.GetReferencedAssemblies());
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name.Name!) || name.Name!.StartsWith("System", StringComparison.Ordinal) || name.Name.StartsWith("Microsoft", StringComparison.Ordinal))
                continue;
            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
                pending.Push(reference);
        }
        return reached;
    }
}
