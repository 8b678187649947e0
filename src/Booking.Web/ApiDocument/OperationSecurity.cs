using Booking.Web.Bookings;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Booking.Web.ApiDocument;

/// <summary>
/// Says on every operation who may call it: a booking's own operations need its manage token (header or query), every
/// other one is open to anyone (an empty requirement, so a reader sees it was decided rather than forgotten).
/// </summary>
public sealed class OperationSecurity : IOpenApiOperationTransformer
{
    public const string ManageTokenHeader = "manageToken";
    public const string ManageTokenQuery = "manageTokenQuery";

    /// <summary>Marks an endpoint reached with a booking's manage token.</summary>
    public sealed class ManageTokenRequired;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Security = context.Description.ActionDescriptor.EndpointMetadata.OfType<ManageTokenRequired>().Any()
            ? [Requirement(ManageTokenHeader, context.Document), Requirement(ManageTokenQuery, context.Document)]
            : [new OpenApiSecurityRequirement()];
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    /// <summary>The schemes the requirements above name.</summary>
    public static Dictionary<string, IOpenApiSecurityScheme> Schemes => new()
    {
        [ManageTokenHeader] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ManageLinkAccess.TokenHeader,
            Description = "The manage token given with the booking's confirmation (also in its manage link).",
        },
        [ManageTokenQuery] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "token",
            Description = "The same manage token as a query parameter, as the manage link carries it.",
        },
    };
}

public static class ManageTokenEndpoints
{
    /// <summary>Documents the endpoint as reached with a booking's manage token.</summary>
    public static RouteHandlerBuilder RequiresManageToken(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new OperationSecurity.ManageTokenRequired());
}
