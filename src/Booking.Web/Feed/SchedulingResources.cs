using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Booking.Domain.Catalog;

namespace Booking.Web.Feed;

/// <summary>
/// Writes FHIR R4 Location, Schedule and Slot resources as SMART Scheduling Links asks for them, one minified JSON
/// object per line (NDJSON). Written by hand rather than through a FHIR object model: a feed rebuild writes tens of
/// thousands of slots, and the tests read every line back with the Firely SDK's strict parser and profile validator.
/// </summary>
public sealed class SchedulingResources(Uri siteBase)
{
    public const string BookingDeepLinkExtension = "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link";
    public const string SlotCapacityExtension = "http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity";

    // Accented names stay readable; characters that matter in HTML are still escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly string _serviceSystem = new Uri(siteBase, "fhir/CodeSystem/service").AbsoluteUri;

    public int Count { get; private set; }

    /// <summary>The clinic as a place: no telephone, as the catalogue does not hold one yet.</summary>
    public void Location(Location location) => Line(json =>
    {
        json.WriteString("resourceType", "Location");
        json.WriteString("id", FeedResourceIds.Location(location.Id));
        json.WriteString("name", location.Name);
        json.WriteStartObject("address");
        json.WriteStartArray("line");
        json.WriteStringValue(location.Address);
        json.WriteEndArray();
        json.WriteString("city", location.City);
        // The platform serves Québec's clinics (the catalogue has no province column).
        json.WriteString("state", "QC");
        json.WriteString("postalCode", location.PostalCode);
        json.WriteString("country", "CA");
        json.WriteEndObject();
        json.WriteStartObject("position");
        json.WriteNumber("longitude", location.Position.Longitude);
        json.WriteNumber("latitude", location.Position.Latitude);
        json.WriteEndObject();
    });

    /// <summary>One service offered at one clinic; the service is named by its catalogue code (French name as display).</summary>
    public void Schedule(Location location, Service service) => Line(json =>
    {
        json.WriteString("resourceType", "Schedule");
        json.WriteString("id", FeedResourceIds.Schedule(location.Id, service.Code));
        json.WriteStartArray("serviceType");
        json.WriteStartObject();
        json.WriteStartArray("coding");
        json.WriteStartObject();
        json.WriteString("system", _serviceSystem);
        json.WriteString("code", service.Code);
        json.WriteString("display", service.NameFr);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("text", $"{service.NameFr} / {service.NameEn}");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("actor");
        json.WriteStartObject();
        json.WriteString("reference", $"Location/{FeedResourceIds.Location(location.Id)}");
        json.WriteEndObject();
        json.WriteEndArray();
    });

    /// <summary>Seats of one slot that share a status, as one Slot with the capacity extension; free ones link to the page
    /// where a citizen books them.</summary>
    public void Slot(Location location, string serviceCode, DateTimeOffset start, DateTimeOffset end, bool free, int seats, Uri? deepLink) => Line(json =>
    {
        var status = free ? "free" : "busy";
        json.WriteString("resourceType", "Slot");
        json.WriteString("id", FeedResourceIds.Slot(location.Id, serviceCode, start, status));
        json.WriteStartObject("schedule");
        json.WriteString("reference", $"Schedule/{FeedResourceIds.Schedule(location.Id, serviceCode)}");
        json.WriteEndObject();
        json.WriteString("status", status);
        json.WriteString("start", Instant(location, start));
        json.WriteString("end", Instant(location, end));
        json.WriteStartArray("extension");
        if (deepLink is not null)
        {
            json.WriteStartObject();
            json.WriteString("url", BookingDeepLinkExtension);
            json.WriteString("valueUrl", deepLink.AbsoluteUri);
            json.WriteEndObject();
        }
        json.WriteStartObject();
        json.WriteString("url", SlotCapacityExtension);
        json.WriteNumber("valueInteger", seats);
        json.WriteEndObject();
        json.WriteEndArray();
    });

    /// <summary>What was written, as the bytes of an NDJSON file.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    // An instant with the clinic's own offset, as a person there reads it.
    private static string Instant(Location location, DateTimeOffset instant) =>
        location.LocalTime(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private void Line(Action<Utf8JsonWriter> write)
    {
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        _buffer.Write("\n"u8);
        Count++;
    }
}
