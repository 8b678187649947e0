namespace Booking.Web.Infrastructure;

/// <summary>
/// Writes the API's problems as application/problem+json whatever the request's Accept header says: the framework's
/// writer declines when Accept names neither JSON nor */* (a browser's "text/html"), which left those 4xx answers
/// empty. Registered after it, so it writes only what the framework's writer declined, and in the same way.
/// </summary>
public sealed class ApiProblemWriter(IServiceProvider services) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ApiPaths.Contains(context.HttpContext.Request.Path);

    public ValueTask WriteAsync(ProblemDetailsContext context) =>
        services.GetServices<IProblemDetailsWriter>().First(writer => writer is not ApiProblemWriter).WriteAsync(context);
}
