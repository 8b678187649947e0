using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Infrastructure;

/// <summary>
/// Turns the exceptions a caller can cause or wait out into problem details: unreadable input is a 400, a body over
/// the limit a 413, an unreachable cluster or database a 503 with Retry-After. Anything else is our bug and stays a 500.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.RequestTooLarge(
                context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0),
            BadHttpRequestException { InnerException: JsonException json } => Problems.MalformedRequest(
                $"The JSON body is not valid for this endpoint{(json.Path is { } path ? $" (at {path})" : "")}."),
            BadHttpRequestException bad => Problems.MalformedRequest(bad.Message),
            _ when IsTransient(exception) => Problems.ServiceUnavailable(),
            _ => null,
        };
        if (problem is null)
            return false;

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Dependency unavailable for {Path}", context.Request.Path);
            context.Response.Headers.RetryAfter = "5";
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static bool IsTransient(Exception exception) => exception is
        Orleans.Runtime.SiloUnavailableException or
        Orleans.Runtime.OrleansMessageRejectionException or
        Orleans.Runtime.GatewayTooBusyException or
        Npgsql.NpgsqlException { IsTransient: true } or
        TimeoutException;
}
