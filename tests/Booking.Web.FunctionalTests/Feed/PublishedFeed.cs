using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Serialization;
using R4 = Hl7.Fhir.Model;

namespace Booking.Web.FunctionalTests.Feed;

/// <summary>The availability feed as a slot finder downloads it: the manifest, then every file it lists, each line read
/// by the Firely SDK's strict FHIR R4 deserializer (an unknown element, a wrong code or a missing required element
/// fails the download).</summary>
public sealed class PublishedFeed
{
    public const string DeepLink = "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link";
    public const string Capacity = "http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity";

    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    private PublishedFeed(JsonNode manifest, IReadOnlyList<R4.Resource> resources, long bytes)
    {
        Manifest = manifest;
        Resources = resources;
        Bytes = bytes;
    }

    public JsonNode Manifest { get; }

    /// <summary>The size of the NDJSON files together.</summary>
    public long Bytes { get; }
    public IReadOnlyList<R4.Resource> Resources { get; }
    public IEnumerable<R4.Location> Locations => Resources.OfType<R4.Location>();
    public IEnumerable<R4.Schedule> Schedules => Resources.OfType<R4.Schedule>();
    public IEnumerable<R4.Slot> Slots => Resources.OfType<R4.Slot>();

    public static async Task<PublishedFeed> DownloadAsync(HttpClient http)
    {
        var manifestResponse = await http.GetAsync("/fhir/$bulk-publish");
        Assert.Equal(HttpStatusCode.OK, manifestResponse.StatusCode);
        var manifest = JsonNode.Parse(await manifestResponse.Content.ReadAsStringAsync())!;
        var resources = new List<R4.Resource>();
        long bytes = 0;
        foreach (var output in manifest["output"]!.AsArray())
        {
            var type = output!["type"]!.GetValue<string>();
            var file = await http.GetAsync(new Uri(output["url"]!.GetValue<string>()).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/fhir+ndjson", file.Content.Headers.ContentType?.MediaType);
            var content = await file.Content.ReadAsStringAsync();
            bytes += file.Content.Headers.ContentLength ?? 0;
            foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var resource = Strict.DeserializeResource(line);
                Assert.Equal(type, resource.TypeName);
                resources.Add(resource);
            }
        }
        return new PublishedFeed(manifest, resources, bytes);
    }

    /// <summary>The Slots published for one clinic, service and start, by status.</summary>
    public IReadOnlyDictionary<string, R4.Slot> SlotsAt(Guid location, string service, DateTimeOffset start)
    {
        var schedule = Schedules.Single(s => s.Actor.Single().Reference == $"Location/{location:N}" && s.ServiceType.Single().Coding.Single().Code == service);
        return Slots.Where(s => s.Schedule.Reference == $"Schedule/{schedule.Id}" && s.Start == start)
            .ToDictionary(s => s.Status!.Value.ToString().ToLowerInvariant());
    }

    public static int CapacityOf(R4.Slot slot) => ((R4.Integer)slot.Extension.Single(e => e.Url == Capacity).Value!).Value!.Value;

    public static string? DeepLinkOf(R4.Slot slot) => (slot.Extension.SingleOrDefault(e => e.Url == DeepLink)?.Value as R4.FhirUrl)?.Value;
}
