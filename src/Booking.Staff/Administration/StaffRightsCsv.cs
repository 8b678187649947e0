using System.Globalization;
using System.Text;
using Booking.Staff.Access;

namespace Booking.Staff.Administration;

/// <summary>The rights report as CSV (RFC 4180): one row per role held, instants in ISO 8601 UTC so a spreadsheet or a
/// script reads them as dates, names as written. A value a spreadsheet would run as a formula (starting with =, +, -,
/// @, a tab or a carriage return) is prefixed with an apostrophe: a name is data, never a command.</summary>
public static class StaffRightsCsv
{
    private static readonly string[] Header =
    [
        "organisation", "person", "email", "role", "role_tenant", "clinics", "requested_by", "requested_at", "approved_by",
        "approved_at", "review_due", "reviewed_by", "reviewed_at",
    ];

    public static string Write(IEnumerable<GrantedRight> rights)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in rights)
            Line(csv, [r.AccountTenant, r.AccountName, r.AccountEmail, r.Role.Code(), r.RoleTenant, string.Join("; ", r.Clinics), r.RequestedBy,
                Instant(r.RequestedAt), r.ApprovedBy, Instant(r.ApprovedAt), Instant(r.ReviewDue), r.ReviewedBy, Instant(r.ReviewedAt)]);
        return csv.ToString();
    }

    private static string? Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string?> values)
    {
        csv.AppendJoin(',', values.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
