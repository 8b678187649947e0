using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Booking.Web.ApiDocument;

/// <summary>What the document says of itself: what the API is, its groups with their descriptions, the security
/// schemes its operations name, and where it is served.</summary>
public sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Booking — public-health appointments";
        document.Info.Description = "Book a vaccination, a flu shot or a blood test at a clinic nearby: search free slots, hold one, " +
            "confirm it, then view, move or cancel it with its manage token. Errors are RFC 7807 problems.";
        document.Tags = new HashSet<OpenApiTag>(ApiTags.Descriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = OperationSecurity.Schemes;
        // ASP.NET Core writes the address the document was read from, with a trailing slash; "/" (relative to the
        // document) says the same for every deployment without publishing one's host name.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document" }];
        return Task.CompletedTask;
    }
}
