using System.Net;
using System.Text.RegularExpressions;

namespace Booking.Admin.Tests;

/// <summary>The recovery codes a page shows (after enrolment, or made anew on the account page).</summary>
public static partial class RecoveryCodes
{
    public static IReadOnlyList<string> OnPage(string html)
    {
        var list = CodeList().Match(html);
        return list.Success ? Item().Matches(list.Value).Select(m => WebUtility.HtmlDecode(m.Groups["code"].Value)).ToList() : [];
    }

    [GeneratedRegex("<ul class=\"codes\" id=\"recovery-codes\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex CodeList();

    [GeneratedRegex("<li>(?<code>[A-Z2-9]{5}-[A-Z2-9]{5})</li>")]
    private static partial Regex Item();
}
