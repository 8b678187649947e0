using System.Globalization;
using System.Net;
using System.Text;

namespace Booking.Messages.Formatting;

/// <summary>Wraps an HTML-encoded body in a plain, accessible e-mail page: paragraphs, a real link for the manage
/// address, and the pass's QR code shown inline from its attachment.</summary>
internal static class EmailLayout
{
    public static string Html(string encodedBody, string manageLink, string? qrContentId, string language)
    {
        var encodedLink = WebUtility.HtmlEncode(manageLink);
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#223654\">");
        foreach (var paragraph in encodedBody.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            html.Append("<p>").Append(paragraph.Trim().Replace("\n", "<br>")
                .Replace(encodedLink, $"<a href=\"{encodedLink}\">{encodedLink}</a>")).Append("</p>");
        if (qrContentId is not null)
        {
            var alt = language == "en" ? "QR code of your appointment pass" : "Code QR de votre preuve de rendez-vous";
            html.Append(CultureInfo.InvariantCulture, $"<p><img src=\"cid:{qrContentId}\" alt=\"{alt}\" width=\"240\" height=\"240\"></p>");
        }
        return html.Append("</body></html>").ToString();
    }
}
