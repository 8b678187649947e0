using System.Globalization;
using System.Net;
using System.Text;
using Booking.Data.Notifications;

namespace Booking.DevInbox;

/// <summary>The dev inbox: every message the stub received, grouped by booking, as the citizen would see it, with
/// the delivery status staff would see (when the stub is given the database).</summary>
public static class InboxPage
{
    public static IEndpointRouteBuilder MapInboxPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Render);
        app.MapGet("/messages/{providerId}/html", (string providerId, InboxStore store) =>
            store.Find(providerId) is { HtmlBody: { } html } ? Results.Content(html, "text/html; charset=utf-8") : Results.NotFound());
        app.MapGet("/messages/{providerId}/attachments/{index:int}", (string providerId, int index, InboxStore store) =>
            store.Find(providerId) is { } m && index >= 0 && index < m.Attachments.Count
                ? Results.File(m.Attachments[index].Content, m.Attachments[index].ContentType, m.Attachments[index].FileName)
                : Results.NotFound());
        return app;
    }

    private static async Task<IResult> Render(InboxStore store, IServiceProvider services, CancellationToken cancellationToken)
    {
        var status = services.GetService<DeliveryStatusQuery>();
        var html = new StringBuilder("""
            <!doctype html><html lang="en"><meta charset="utf-8"><title>Dev inbox</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}section{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem;text-align:left;font-size:.9rem}
            iframe{width:100%;height:22rem;border:1px solid #ddd}.sms{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}</style>
            <h1>Dev inbox</h1><p>Every e-mail and SMS the notification worker sent to the local SendGrid/Twilio stub. Nothing leaves this machine.</p>
            """);
        foreach (var booking in store.All().GroupBy(m => m.BookingId ?? "(no booking)").OrderByDescending(g => g.Max(m => m.ReceivedAt)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<section><h2>Booking {E(booking.Key)}</h2>");
            foreach (var m in booking)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{E(m.Channel)} to {E(m.To)} · language {E(m.Language)} · {E(m.Status)} · {m.ReceivedAt:HH:mm:ss} UTC</h3>");
                if (m.Channel == SendGridStubApi.Channel)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p><b>{E(m.Subject)}</b></p><iframe sandbox src=\"/messages/{E(m.ProviderId)}/html\"></iframe>");
                    for (var i = 0; i < m.Attachments.Count; i++)
                        html.Append(CultureInfo.InvariantCulture, $"<p>Attachment: <a href=\"/messages/{E(m.ProviderId)}/attachments/{i}\">{E(m.Attachments[i].FileName)}</a> ({E(m.Attachments[i].ContentType)})</p>");
                }
                else
                    html.Append(CultureInfo.InvariantCulture, $"<div class=\"sms\">{E(m.TextBody)}</div>");
            }
            if (status is not null && Guid.TryParse(booking.Key, out var bookingId))
                html.Append(StatusTable(await status.ForBookingAsync(bookingId, cancellationToken)));
            html.Append("</section>");
        }
        return Results.Content(html.Append("</html>").ToString(), "text/html; charset=utf-8");
    }

    private static string StatusTable(IReadOnlyList<MessageDelivery> messages)
    {
        var table = new StringBuilder("<h3>Delivery status (as staff see it)</h3><table><tr><th>message</th><th>kind</th><th>channel</th><th>status</th><th>attempts</th><th>last error</th><th>created</th><th>sent</th><th>delivered</th></tr>");
        foreach (var m in messages)
            table.Append(CultureInfo.InvariantCulture, $"<tr><td>{m.Id.ToString()[..8]}{(m.FallbackOf is null ? "" : " (fallback)")}</td><td>{E(m.Kind)}</td><td>{E(m.Channel)}</td><td>{E(m.Status)}</td><td>{m.Attempts}</td><td>{E(m.LastError)}</td><td>{m.CreatedAt:HH:mm:ss}</td><td>{m.SentAt:HH:mm:ss}</td><td>{m.DeliveredAt:HH:mm:ss}</td></tr>");
        return table.Append("</table>").ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
