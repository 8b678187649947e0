using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Booking.ServiceDefaults.Logging;

/// <summary>
/// Every host logs one JSON object a line on the console (what a log collector ships), with the trace and span ids
/// of the request or grain call it happened in, so that one citizen's request can be followed from the proxy through
/// the web host into the silo. Messages never carry personal data: identifiers (booking id, confirmation code,
/// clinic) only; <c>PersonalDataInLogsTests</c> greps a whole booking journey's logs for the citizen's details.
/// </summary>
public static class PlatformLogging
{
    public static IHostApplicationBuilder AddPlatformLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddJsonConsole(options =>
        {
            // The trace and span ids travel as a scope; the other scopes (request path, connection) help as much.
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        return builder;
    }
}
