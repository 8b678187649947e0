using System.Globalization;
using Booking.Data.Identity;
using Booking.Identity.Clients;
using Booking.Identity.Server;
using Booking.Reporting.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Booking.Identity.Api;

/// <summary>One dataset the caller's token may or may not read.</summary>
public sealed record BiDataset(string Name, string Scope, string Meaning, string Partition, bool Granted);

/// <summary>
/// The ministry's extracts for machines: <c>GET /api/bi/v1/datasets</c> and
/// <c>GET /api/bi/v1/{dataset}/{day}/{format}[?tenant=…]</c>, with an access token of
/// <see cref="IdentityServerExtensions.MachineClientPolicy"/> only. A dataset needs its scope (else 403); the rows are
/// those of the client's tenant subtree, or of a tenant inside it (another: 404, as if it did not exist); a revoked
/// client's token opens nothing (401), checked on every request. Each download is logged with the client's id.
/// </summary>
public static class BiApi
{
    public const string Prefix = "/api/bi/v1";

    public static IEndpointRouteBuilder MapBiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization(IdentityServerExtensions.MachineClientPolicy).DisableAntiforgery();
        api.MapGet("/datasets", DatasetsAsync);
        api.MapGet("/{dataset}/{day}/{format}", DownloadAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<BiDataset>>, ProblemHttpResult>> DatasetsAsync(HttpContext context,
        MachineClientRepository clients, ExtractDownloads downloads)
    {
        if (await LiveClientAsync(context, clients) is null)
            return Revoked();
        var scopes = context.User.GetScopes();
        IReadOnlyList<BiDataset> list = downloads.Datasets
            .Select(d => new BiDataset(d.Name, BiScopes.Of(d.Name), d.Meaning, d.Partition, scopes.Contains(BiScopes.Of(d.Name))))
            .ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<IResult> DownloadAsync(string dataset, string day, string format, Guid? tenant, HttpContext context,
        MachineClientRepository clients, ExtractDownloads downloads)
    {
        if (!ExtractFormats.TryParse(format, out var kind))
            return Problem(StatusCodes.Status400BadRequest, "Unknown format", "format is csv, parquet or dictionary.");
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Problem(StatusCodes.Status400BadRequest, "Invalid day", "day is a date, yyyy-MM-dd.");
        if (await LiveClientAsync(context, clients) is not { } client)
            return Revoked();
        if (downloads.Dataset(dataset) is not { } extract)
            return Problem(StatusCodes.Status404NotFound, "Unknown dataset", $"GET {Prefix}/datasets lists them.");
        if (!context.User.HasScope(BiScopes.Of(dataset)))
            return Problem(StatusCodes.Status403Forbidden, "Scope missing", $"This token does not carry the scope {BiScopes.Of(dataset)}.");
        var subtree = await clients.SubtreeAsync(client.TenantId, context.RequestAborted);
        if (tenant is { } asked && !subtree.Contains(asked))
            return Problem(StatusCodes.Status404NotFound, "Unknown tenant", "No such tenant within this client's reach.");
        var tenants = tenant is { } narrowed ? await clients.SubtreeAsync(narrowed, context.RequestAborted) : subtree;
        var file = await downloads.DownloadAsync($"client:{client.ClientId}", extract, date, kind, tenants, context.Connection.RemoteIpAddress,
            context.RequestAborted);
        return file is null
            ? Problem(StatusCodes.Status404NotFound, "Not built", $"The {dataset} extract of {date:yyyy-MM-dd} is not built (yesterday's is built after midnight, Québec time).")
            : Results.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The token's client, if it still exists and is not revoked: a revocation takes effect at once, not
    /// when the client's last token runs out.</summary>
    private static async Task<MachineClient?> LiveClientAsync(HttpContext context, MachineClientRepository clients) =>
        context.User.GetClaim(Claims.Subject) is { } subject && await clients.FindByClientIdAsync(subject, context.RequestAborted) is { IsRevoked: false } client
            ? client
            : null;

    private static ProblemHttpResult Revoked() => Problem(StatusCodes.Status401Unauthorized, "Client revoked", "This client's access was revoked.");

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
