using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Booking.Web.Infrastructure;

/// <summary>Largest request bodies accepted (<c>RequestLimits:*</c>). A booking is about 1 KB of JSON and a form post a
/// few KB; Kestrel's default (30 MB) let a few dozen posts fill the web host's memory.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>For <c>/api</c>: a group of six with every answer is well under 16 KB.</summary>
    [Range(1_024, 10_000_000)]
    public long ApiBodyBytes { get; set; } = 64 * 1024;

    /// <summary>For the site's form posts (and anything else outside <c>/api</c>).</summary>
    [Range(1_024, 10_000_000)]
    public long FormBodyBytes { get; set; } = 256 * 1024;
}

/// <summary>Refuses a body over its limit with a 413 problem before anything reads it (declared length), and caps what
/// the server will read of a body sent without one (chunked), so nothing large is ever buffered or parsed.</summary>
public static class RequestSizeLimits
{
    public static IHostApplicationBuilder AddRequestSizeLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>().Bind(builder.Configuration.GetSection(RequestLimitsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        var limit = context.Request.Path.StartsWithSegments("/api") ? options.ApiBodyBytes : options.FormBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            server.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context, limit);
            return;
        }
        await next(context);
    });

    private static async Task WriteTooLargeAsync(HttpContext context, long limit)
    {
        // The rest of the declared body is never read: past the cap above, the server closes the connection instead.
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.RequestTooLarge(limit),
        });
    }
}
