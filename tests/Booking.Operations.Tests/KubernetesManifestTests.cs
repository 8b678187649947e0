using System.Globalization;
using System.Text.RegularExpressions;
using Booking.Testing;
using static Booking.Operations.Tests.Node;

namespace Booking.Operations.Tests;

/// <summary>
/// The Kubernetes manifests (deploy/k8s/base, which the Québec overlay builds on) read back: every workload is probed
/// on the health endpoints of its management port, sized, covered by a disruption budget, pinned to the Québec
/// region's zones, and gets its secrets from the secret store only; the web and staff hosts autoscale; and the network
/// policies allow exactly the flows of deploy/README.md's table, no more and no fewer.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private const string QuebecRegion = "ca-central-1";
    private static readonly KubernetesManifests Base = KubernetesManifests.Load("deploy/k8s/base");

    private static IEnumerable<KubernetesManifests.Resource> Workloads => Base.OfKind("Deployment").Concat(Base.OfKind("StatefulSet"));

    private static IEnumerable<(KubernetesManifests.Resource Owner, object Pod)> Pods =>
        Workloads.Concat(Base.OfKind("Job")).Select(r => (r, r.At("spec", "template")!));

    [Fact]
    public void The_platform_s_workloads_are_all_there()
    {
        Assert.Equal(["admin", "notifications", "silo", "web"], Workloads.Select(w => w.Name).Order());
        Assert.Equal(["migrate"], Base.OfKind("Job").Select(j => j.Name));
        Assert.Equal("migrate", Text(Base.OfKind("Job").Single().At("spec", "template", "spec", "containers", 0, "args", 0)));
    }

    [Fact]
    public void Every_long_running_container_is_probed_on_its_management_port_and_sized()
    {
        foreach (var workload in Workloads)
        {
            foreach (var container in Items(workload.At("spec", "template", "spec", "containers")))
            {
                Assert.True(Text(container, "readinessProbe", "httpGet", "path") == "/health/ready", $"{workload}: readiness");
                Assert.True(Text(container, "livenessProbe", "httpGet", "path") == "/health", $"{workload}: liveness");
                // On the management port, which a flood of client connections cannot fill.
                var management = Items(At(container, "ports")).SingleOrDefault(p => Text(p, "name") == "management");
                Assert.True(management is not null, $"{workload}: no management port");
                Assert.True(Text(container, "readinessProbe", "httpGet", "port") == "management", $"{workload}: readiness port");
                Assert.True(Text(container, "livenessProbe", "httpGet", "port") == "management", $"{workload}: liveness port");
                Assert.True(Items(At(container, "env")).Any(e => Text(e, "name") == "Management__Port" && Text(e, "value") == Text(management, "containerPort")),
                    $"{workload}: Management__Port is not the management port");
                Assert.True(At(container, "resources", "requests", "cpu") is not null, $"{workload}: CPU request");
                Assert.True(At(container, "resources", "requests", "memory") is not null, $"{workload}: memory request");
                Assert.True(At(container, "resources", "limits", "memory") is not null, $"{workload}: memory limit");
            }
        }
    }

    [Fact]
    public void Every_workload_has_a_disruption_budget_that_selects_it()
    {
        foreach (var workload in Workloads)
        {
            var labels = (Dictionary<object, object>)workload.At("spec", "template", "metadata", "labels")!;
            var budgets = Base.OfKind("PodDisruptionBudget").Where(p => Selects(p.At("spec", "selector", "matchLabels"), labels)).ToList();
            Assert.True(budgets.Count == 1, $"{workload}: {budgets.Count} disruption budgets");
        }
    }

    [Fact]
    public void The_web_and_staff_hosts_autoscale_from_at_least_their_highly_available_count()
    {
        foreach (var (name, minimum) in new[] { ("web", 3), ("admin", 2) })
        {
            var autoscaler = Assert.Single(Base.OfKind("HorizontalPodAutoscaler"), h => Text(h.At("spec", "scaleTargetRef", "name")) == name);
            Assert.Equal("Deployment", Text(autoscaler.At("spec", "scaleTargetRef", "kind")));
            Assert.True(Convert.ToInt32(autoscaler.At("spec", "minReplicas"), CultureInfo.InvariantCulture) >= minimum, $"{name}: minReplicas");
        }
    }

    [Fact]
    public void Every_pod_is_pinned_to_the_Quebec_region_s_zones()
    {
        foreach (var (owner, pod) in Pods)
        {
            var terms = Items(At(pod, "spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms")).ToList();
            Assert.True(terms.Count > 0, $"{owner}: no required node affinity");
            // Every term (they are alternatives) must pin the region, and zones only of that region.
            foreach (var term in terms)
            {
                var expressions = Items(At(term, "matchExpressions")).ToList();
                Assert.True(Values(expressions, "topology.kubernetes.io/region") is [QuebecRegion], $"{owner}: region");
                var zones = Values(expressions, "topology.kubernetes.io/zone");
                Assert.True(zones.Count > 0 && zones.All(z => z.StartsWith(QuebecRegion, StringComparison.Ordinal)), $"{owner}: zones {string.Join(",", zones)}");
            }
        }
        foreach (var workload in Workloads)
            Assert.True(Text(workload.At("spec", "template", "spec", "topologySpreadConstraints", 0, "topologyKey")) == "topology.kubernetes.io/zone",
                $"{workload}: not spread over zones");
    }

    [Fact]
    public void Secrets_come_from_the_secret_store_only_and_pods_run_unprivileged()
    {
        var providers = Base.OfKind("SecretProviderClass").Select(s => s.Name).ToList();
        Assert.NotEmpty(providers);
        foreach (var (owner, pod) in Pods)
        {
            var volumes = Items(At(pod, "spec", "volumes")).ToList();
            Assert.DoesNotContain(volumes, v => At(v, "secret") is not null);
            Assert.All(volumes.Where(v => At(v, "csi") is not null), v => Assert.Contains(Text(v, "csi", "volumeAttributes", "secretProviderClass"), providers));
            Assert.True(Text(pod, "spec", "securityContext", "runAsNonRoot") == "true", $"{owner}: may run as root");
            Assert.True(Text(pod, "spec", "automountServiceAccountToken") == "false", $"{owner}: Kubernetes API token mounted");
            foreach (var container in Items(At(pod, "spec", "containers")))
            {
                Assert.True(Text(container, "securityContext", "allowPrivilegeEscalation") == "false", $"{owner}: privilege escalation");
                Assert.True(Text(container, "securityContext", "readOnlyRootFilesystem") == "true", $"{owner}: writable root");
                // A secret value written in a manifest: only references (secretKeyRef) and non-secret settings.
                Assert.DoesNotContain(Items(At(container, "env")), e => Text(e, "name") is { } name && SecretName().IsMatch(name) && At(e, "value") is not null);
            }
        }
    }

    [Fact]
    public void The_network_policies_allow_exactly_the_flows_of_the_topology_table()
    {
        var table = FlowsTable();
        var policies = Base.OfKind("NetworkPolicy").ToList();
        var denyAll = Assert.Single(policies, p => At(p.At("spec", "podSelector"), "matchLabels") is null);
        Assert.Equal(["Ingress", "Egress"], Items(denyAll.At("spec", "policyTypes")).Select(t => t.ToString()));

        var allowed = new HashSet<Flow>();
        foreach (var policy in policies.Where(p => p != denyAll))
        {
            var pod = Text(policy.At("spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))!;
            foreach (var rule in Items(policy.At("spec", "ingress")))
                foreach (var peer in Items(At(rule, "from")))
                    foreach (var port in Ports(rule))
                        allowed.Add(new Flow(Peer(peer, table.Networks), pod, port));
            foreach (var rule in Items(policy.At("spec", "egress")))
                foreach (var peer in Items(At(rule, "to")))
                    foreach (var port in Ports(rule))
                        allowed.Add(new Flow(pod, Peer(peer, table.Networks), port));
        }
        // Every rule's flow is in the table and every flow of the table is allowed; between two pods it needs both the
        // sender's egress and the receiver's ingress.
        Assert.Equal(table.Flows.Order().Select(f => f.ToString()), allowed.Order().Select(f => f.ToString()));
        foreach (var flow in table.Flows.Where(f => IsPod(f.From, table) && IsPod(f.To, table)))
        {
            Assert.True(policies.Any(p => Allows(p, "egress", flow.From, flow.To, flow.Port, table.Networks)), $"{flow}: not in the sender's egress");
            Assert.True(policies.Any(p => Allows(p, "ingress", flow.To, flow.From, flow.Port, table.Networks)), $"{flow}: not in the receiver's ingress");
        }
    }

    private sealed record Flow(string From, string To, int Port) : IComparable<Flow>
    {
        public int CompareTo(Flow? other) => string.CompareOrdinal(ToString(), other?.ToString());
        public override string ToString() => $"{From} -> {To}:{Port}";
    }

    private sealed record FlowTable(IReadOnlyList<Flow> Flows, IReadOnlyDictionary<string, string> Networks);

    /// <summary>deploy/README.md's "from | to | port" table; "name (CIDR)" names a network outside the cluster.</summary>
    private static FlowTable FlowsTable()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryFolder.Root, "deploy", "README.md"));
        var start = Array.FindIndex(readme, line => line.Trim() == "| from | to | port |");
        Assert.True(start >= 0, "deploy/README.md has no flows table");
        var networks = new Dictionary<string, string>();
        var flows = new List<Flow>();
        foreach (var line in readme.Skip(start + 2).TakeWhile(line => line.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            flows.Add(new Flow(Endpoint(cells[0], networks), Endpoint(cells[1], networks), int.Parse(cells[2], CultureInfo.InvariantCulture)));
        }
        return new FlowTable(flows, networks);
    }

    private static string Endpoint(string cell, Dictionary<string, string> networks)
    {
        var match = NamedNetwork().Match(cell);
        if (!match.Success)
            return cell;
        networks[match.Groups["cidr"].Value] = match.Groups["name"].Value;
        return match.Groups["name"].Value;
    }

    private static bool IsPod(string name, FlowTable table) => !table.Networks.Values.Contains(name);

    private static string Peer(object peer, IReadOnlyDictionary<string, string> networks) =>
        Text(peer, "podSelector", "matchLabels", "app.kubernetes.io/name")
        ?? (Text(peer, "ipBlock", "cidr") is { } cidr && networks.TryGetValue(cidr, out var name) ? name : $"unknown peer {Text(peer, "ipBlock", "cidr")}");

    private static IEnumerable<int> Ports(object rule) => Items(At(rule, "ports")).Select(p => Convert.ToInt32(At(p, "port"), CultureInfo.InvariantCulture));

    /// <summary>The policy of <paramref name="pod"/> has a rule of <paramref name="direction"/> for that peer and port.</summary>
    private static bool Allows(KubernetesManifests.Resource policy, string direction, string pod, string peer, int port, IReadOnlyDictionary<string, string> networks) =>
        Text(policy.At("spec", "podSelector", "matchLabels", "app.kubernetes.io/name")) == pod
        && Items(policy.At("spec", direction)).Any(rule => Ports(rule).Contains(port)
            && Items(At(rule, direction == "egress" ? "to" : "from")).Any(p => Peer(p, networks) == peer));

    private static bool Selects(object? selector, Dictionary<object, object> labels) =>
        selector is Dictionary<object, object> wanted && wanted.Count > 0
        && wanted.All(kv => labels.TryGetValue(kv.Key, out var value) && Equals(value, kv.Value));

    private static List<string> Values(IEnumerable<object> expressions, string key) =>
        expressions.Where(e => Text(e, "key") == key && Text(e, "operator") == "In")
            .SelectMany(e => Items(At(e, "values")).Select(v => v.ToString()!)).ToList();

    [GeneratedRegex(@"^(?<name>.+?) \((?<cidr>[0-9./]+)\)$")]
    private static partial Regex NamedNetwork();

    [GeneratedRegex("Password|Secret|Token|ApiKey|ConnectionStrings", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
