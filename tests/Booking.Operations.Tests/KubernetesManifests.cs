using Booking.Testing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Booking.Operations.Tests;

/// <summary>The resources of a folder of Kubernetes manifests (deploy/k8s/...), each document as nested dictionaries
/// and lists, with small readers for the paths the tests look at.</summary>
public sealed class KubernetesManifests
{
    private KubernetesManifests(IReadOnlyList<Resource> resources) => Resources = resources;

    public IReadOnlyList<Resource> Resources { get; }

    public IEnumerable<Resource> OfKind(string kind) => Resources.Where(r => r.Kind == kind);

    public static KubernetesManifests Load(string folder)
    {
        var deserializer = new DeserializerBuilder().Build();
        var resources = new List<Resource>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFolder.Root, folder), "*.yaml").Order())
        {
            var parser = new Parser(new StringReader(File.ReadAllText(file)));
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                if (deserializer.Deserialize<Dictionary<object, object>>(parser) is { } document)
                    resources.Add(new Resource(Path.GetFileName(file), document));
            }
        }
        return new KubernetesManifests(resources);
    }

    public sealed record Resource(string File, Dictionary<object, object> Document)
    {
        public string Kind => (string)Document["kind"];
        public string Name => (string)At("metadata", "name")!;
        public override string ToString() => $"{Kind} {Name} ({File})";

        public object? At(params object[] path) => Node.At(Document, path);
    }
}

/// <summary>Reading YAML trees: a missing step gives null.</summary>
public static class Node
{
    public static object? At(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (Dictionary<object, object> map, string key) => map.GetValueOrDefault(key),
                (List<object> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }
        return node;
    }

    public static IEnumerable<object> Items(object? node) => node as List<object> ?? [];

    public static string? Text(object? node, params object[] path) => At(node, path)?.ToString();
}
