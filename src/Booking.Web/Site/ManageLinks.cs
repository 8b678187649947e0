namespace Booking.Web.Site;

/// <summary>The links a citizen keeps for a booking. The manage link's shape is a contract: the notification
/// e-mails point at <c>/manage/{code}?token=…&amp;lang=fr|en</c>.</summary>
public static class ManageLinks
{
    public static string Manage(string code, string? token, string language) =>
        $"manage/{Uri.EscapeDataString(code)}?token={Uri.EscapeDataString(token ?? "")}&lang={language}";

    public static string Calendar(string code, string? token) =>
        $"calendar/{Uri.EscapeDataString(code)}.ics?token={Uri.EscapeDataString(token ?? "")}";

    public static string Rebook(string code, string? token, string service, string postalCode) =>
        $"search?service={Uri.EscapeDataString(service)}&postalCode={Uri.EscapeDataString(postalCode)}&rebook={Uri.EscapeDataString(code)}&token={Uri.EscapeDataString(token ?? "")}";
}
