using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Booking.Admin.Components.Pages;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Booking.Admin.Account;

/// <summary>
/// A limit on the sign-in forms (password, code, enrolment) one client may post in a window, counted before anything
/// is checked: one client can neither guess passwords at speed nor lock every account it knows of (each takes
/// <see cref="StaffSignInOptions.MaxFailedAttempts"/> failures). Viewing the pages is not counted. Behind a reverse
/// proxy the client's address must come from forwarded headers, or everyone shares the proxy's limit.
/// </summary>
public static class SignInThrottle
{
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<StaffSignInOptions>>((limiter, signIn) =>
        {
            var window = new FixedWindowRateLimiterOptions { PermitLimit = signIn.Value.AttemptsPerAddress, Window = signIn.Value.AttemptWindow, QueueLimit = 0 };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(Client(context.Connection.RemoteIpAddress), _ => window)
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => RefuseAsync(rejected, signIn.Value.AttemptWindow);
        });
        return services;
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/signin", StringComparison.OrdinalIgnoreCase);

    // One client: an IPv4 address, or an IPv6 /64 (what one host or household is usually given, to pick from at will).
    private static string Client(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, TimeSpan window)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var page = new RazorComponentResult<TooManyAttempts>(new { Minutes = (seconds + 59) / 60 }) { StatusCode = StatusCodes.Status429TooManyRequests };
        await page.ExecuteAsync(rejected.HttpContext);
    }
}
