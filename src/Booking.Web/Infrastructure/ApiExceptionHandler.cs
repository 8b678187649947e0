using System.Text.Json;
using Booking.Grains;
using Booking.Web.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Infrastructure;

/// <summary>
/// Turns the exceptions a caller can cause or wait out into problem details: unreadable input is a 400, a body over
/// the limit a 413, an unreachable or failing cluster or database a 503 with Retry-After (a page, for a browser on
/// the site). Anything else is our bug and stays a 500.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.RequestTooLarge(
                httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0),
            BadHttpRequestException { InnerException: JsonException json } => Problems.MalformedRequest(
                $"The JSON body is not valid for this endpoint{(json.Path is { } path ? $" (at {path})" : "")}."),
            BadHttpRequestException bad => Problems.MalformedRequest(bad.Message),
            _ when IsInfrastructureFailure(exception) => Problems.ServiceUnavailable(),
            _ => null,
        };
        if (problem is null)
            return false;

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Dependency unavailable for {Path}", httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "5";
            if (UnavailablePage.IsWanted(httpContext.Request))
            {
                await UnavailablePage.WriteAsync(httpContext);
                return true;
            }
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Failures of what the web host depends on, never of the request: worth the client's retry.</summary>
    private static bool IsInfrastructureFailure(Exception exception) => exception is
        InfrastructureUnavailableException or
        Orleans.Runtime.SiloUnavailableException or
        Orleans.Runtime.OrleansMessageRejectionException or
        Orleans.Runtime.GatewayTooBusyException or
        Orleans.Runtime.Messaging.ConnectionFailedException or
        Npgsql.NpgsqlException or
        // An Orleans call past ClientMessagingOptions.ResponseTimeout (a silo that died or hangs).
        TimeoutException;
}
