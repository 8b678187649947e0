namespace Booking.Web.ApiDocument;

public static class ApiDocumentServices
{
    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, as tools read it: every operation with its security,
    /// its groups described (kept lint-clean by <c>OpenApiLintTests</c>).</summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(document =>
    {
        document.AddDocumentTransformer<DocumentDescription>();
        document.AddOperationTransformer<OperationSecurity>();
        document.AddOperationTransformer<IdempotencyKeyHeader>();
    });
}
