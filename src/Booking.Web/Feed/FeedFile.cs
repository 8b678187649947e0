using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Booking.Web.Feed;

/// <summary>One file of the feed with its strong ETag, a digest of its bytes: two editions, or two web hosts, holding
/// the same data give the same tag, so a client's If-None-Match is answered 304 wherever it lands.</summary>
public sealed class FeedFile(string name, string resourceType, string mediaType, byte[] content)
{
    public const string NdjsonMediaType = "application/fhir+ndjson";

    public string Name => name;

    /// <summary>The FHIR resource type the file holds, as the manifest names it (<c>Location</c>, <c>Schedule</c>, <c>Slot</c>).</summary>
    public string ResourceType => resourceType;

    public string MediaType => mediaType;

    public byte[] Content => content;

    public EntityTagHeaderValue ETag { get; } = new($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"");
}

/// <summary>A published data set: the manifest and the files it lists, as of <see cref="TransactionTime"/> (when its
/// data last changed); <see cref="CheckedAt"/> is when it was last rebuilt, changed or not.</summary>
public sealed record FeedEdition(DateTimeOffset TransactionTime, FeedFile Manifest, IReadOnlyDictionary<string, FeedFile> Files, DateTimeOffset CheckedAt)
{
    /// <summary>True when the files are those of this edition, byte for byte.</summary>
    public bool Holds(IReadOnlyList<FeedFile> files) =>
        files.Count == Files.Count && files.All(f => Files.TryGetValue(f.Name, out var mine) && mine.ETag.Equals(f.ETag));
}
