using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Booking.Web.FunctionalTests.Fuzzing;

/// <summary>Registered after the API's own exception handler, so it sees only what that handler left to become a 500,
/// and records it by the fuzzer's request number for the failure message. Handles nothing itself.</summary>
public sealed class UnhandledExceptions : IExceptionHandler
{
    private readonly ConcurrentDictionary<string, Exception> _byRequest = new();

    public Exception? Of(int requestIndex) => _byRequest.GetValueOrDefault(requestIndex.ToString(CultureInfo.InvariantCulture));

    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        _byRequest[httpContext.Request.Headers[FuzzRequest.IndexHeader].ToString()] = exception;
        return ValueTask.FromResult(false);
    }
}
