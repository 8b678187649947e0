using System.Text.Json;

namespace Booking.Web.Feed;

/// <summary>The entry point of the feed (<c>GET /fhir/$bulk-publish</c>), as the FHIR bulk-publish convention that
/// SMART Scheduling Links builds on describes it: when the data set was published, the manifest's own address and
/// the NDJSON files by resource type.</summary>
public sealed record BulkPublishManifest(DateTimeOffset TransactionTime, string Request, IReadOnlyList<BulkPublishOutput> Output, IReadOnlyList<BulkPublishOutput> Error)
{
    public const string Path = "fhir/$bulk-publish";
    public const string FilesPath = "fhir/bulk/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The manifest of <paramref name="files"/>, with absolute addresses under the site's public address.</summary>
    public static FeedFile For(DateTimeOffset transactionTime, Uri siteBase, IEnumerable<FeedFile> files)
    {
        var manifest = new BulkPublishManifest(transactionTime.ToUniversalTime(), new Uri(siteBase, Path).AbsoluteUri,
            files.Select(f => new BulkPublishOutput(f.ResourceType, new Uri(siteBase, FilesPath + f.Name).AbsoluteUri)).ToList(), []);
        return new FeedFile("$bulk-publish", "", "application/json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
    }
}

/// <summary>One file of the data set: the resource type it holds and where to get it.</summary>
public sealed record BulkPublishOutput(string Type, string Url);
