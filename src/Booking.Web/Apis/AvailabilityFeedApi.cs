using Booking.Web.Feed;
using Booking.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Booking.Web.Apis;

/// <summary>
/// The open availability feed in the SMART Scheduling Links format (an HL7 FHIR implementation guide): a manifest
/// listing NDJSON files of Location, Schedule and Slot resources, public and anonymous, so slot finders need not
/// scrape the site. Each answer carries a strong ETag; If-None-Match gets a 304.
/// </summary>
public static class AvailabilityFeedApi
{
    public static IEndpointRouteBuilder MapAvailabilityFeedApi(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/fhir").RequireRateLimiting(ClientRateLimiting.Policy).WithTags("Availability feed");
        feed.MapGet("/$bulk-publish", Manifest).WithName("AvailabilityFeedManifest")
            .WithSummary("The availability feed's manifest: when it was published and its NDJSON files by FHIR resource type (SMART Scheduling Links)")
            .Produces<BulkPublishManifest>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AddOpenApiOperationTransformer(DocumentIfNoneMatch);
        feed.MapGet("/bulk/{file}", File).WithName("AvailabilityFeedFile")
            .WithSummary("One NDJSON file of the feed, as the manifest lists it: Location, Schedule or Slot resources (FHIR R4), one a line")
            .Produces<string>(StatusCodes.Status200OK, FeedFile.NdjsonMediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AddOpenApiOperationTransformer(DocumentIfNoneMatch);
        return app;
    }

    private static async Task<IResult> Manifest(AvailabilityFeed feed, HttpResponse response)
    {
        var edition = await feed.CurrentAsync();
        return Serve(edition.Manifest, edition, response);
    }

    private static async Task<IResult> File(string file, AvailabilityFeed feed, HttpResponse response)
    {
        var edition = await feed.CurrentAsync();
        return edition.Files.TryGetValue(file, out var found) ? Serve(found, edition, response) : TypedResults.Problem(Problems.FeedFileNotFound());
    }

    /// <summary>The file with its ETag and the edition's time; the framework answers If-None-Match (and If-Modified-Since)
    /// with a 304. Caches must check back each time, which costs a 304 when nothing changed.</summary>
    private static FileContentHttpResult Serve(FeedFile file, FeedEdition edition, HttpResponse response)
    {
        response.Headers.CacheControl = "public, no-cache";
        return TypedResults.Bytes(file.Content, file.MediaType, lastModified: edition.TransactionTime, entityTag: file.ETag);
    }

    private static Task DocumentIfNoneMatch(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of the copy the client has: a 304 without a body when it is still current.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }
}
