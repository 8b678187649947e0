using System.Data.Common;
using Booking.Grains;

namespace Booking.Silo.Infrastructure;

/// <summary>
/// Every grain call's exceptions reach the caller serialised, and Npgsql's cannot be (a caller saw a codec error and
/// answered 500). Database failures become <see cref="InfrastructureUnavailableException"/> here, once for every grain,
/// after being logged with their full detail on the silo.
/// </summary>
public sealed class InfrastructureFailureFilter(ILogger<InfrastructureFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (DatabaseFailure(e) is { } failure)
        {
            logger.LogWarning(e, "{Interface}.{Method} failed on the database", context.InterfaceName, context.MethodName);
            throw new InfrastructureUnavailableException($"{context.InterfaceName}.{context.MethodName}: {failure.GetType().Name}: {failure.Message}");
        }
    }

    /// <summary>The database exception itself or the one a provider (Orleans' storage) wrapped it in.</summary>
    private static DbException? DatabaseFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is DbException database)
                return database;
        return null;
    }
}
