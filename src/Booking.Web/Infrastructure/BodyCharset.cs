using System.Text;
using Microsoft.Net.Http.Headers;

namespace Booking.Web.Infrastructure;

/// <summary>
/// A body's declared charset must be one .NET can decode, else JSON binding throws before any handler runs (a 500 for
/// a client's mistake): an unknown one is a 415 problem. A quoted charset (<c>charset="utf-8"</c>, valid HTTP) is
/// unquoted, since the JSON reader only knows the bare name.
/// </summary>
public static class BodyCharset
{
    public static IApplicationBuilder UseBodyCharsetCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset.HasValue)
        {
            var charset = HeaderUtilities.RemoveQuotes(type.Charset).Value;
            if (!IsKnown(charset))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = Problems.UnsupportedCharset(charset ?? ""),
                });
                return;
            }
            // Only a quoted charset is rewritten: the header most clients send is left as it came, with nothing allocated.
            if (charset!.Length != type.Charset.Length)
            {
                type.Charset = charset;
                context.Request.ContentType = type.ToString();
            }
        }
        await next(context);
    });

    private static bool IsKnown(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return false;
        try
        {
            Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
