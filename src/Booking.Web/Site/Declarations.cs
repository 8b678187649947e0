using System.Globalization;

namespace Booking.Web.Site;

/// <summary>A citizen's screening answers and declared priority groups as they travel from the screening page to
/// the details page in the URL (<c>answers=fever:0,severe-allergy:0&amp;groups=health-worker</c>). They are read
/// and evaluated again at confirmation, so the URL cannot be used to skip a question.</summary>
public sealed record Declarations(IReadOnlyDictionary<string, bool?> Answers, IReadOnlyList<string> Groups)
{
    public static readonly Declarations None = new(new Dictionary<string, bool?>(), []);

    public static Declarations Read(string? answers, string? groups)
    {
        var parsed = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var pair in (answers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            if (pair.Split(':') is [var id, var value and ("0" or "1")])
                parsed[id] = value == "1";
        return new Declarations(parsed, (groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    public string Query =>
        "answers=" + Uri.EscapeDataString(string.Join(',', Answers.Where(a => a.Value is not null)
            .Select(a => a.Key + ":" + (a.Value!.Value ? "1" : "0"))))
        + "&groups=" + Uri.EscapeDataString(string.Join(',', Groups));

    public Dictionary<string, bool?> AnswersForRequest() => new(Answers, StringComparer.Ordinal);

    public List<string?> GroupsForRequest() => [.. Groups];

    /// <summary>Answers as posted by the screening form (<c>yes</c>/<c>no</c> per question id).</summary>
    public static Declarations FromForm(IReadOnlyDictionary<string, string?> answers, IEnumerable<string?> groups) =>
        new(answers.ToDictionary(a => a.Key, a => a.Value switch { "yes" => (bool?)true, "no" => false, _ => null }, StringComparer.Ordinal),
            groups.OfType<string>().Select(g => g.Trim().ToLower(CultureInfo.InvariantCulture)).Distinct().ToList());
}
