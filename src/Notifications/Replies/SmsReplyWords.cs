using System.Globalization;
using System.Text;

namespace Booking.Notifications.Replies;

/// <summary>What a reply means, whatever its case, accents or punctuation.</summary>
public enum ReplyIntent { Cancel, Yes, No, Number, Other }

/// <summary>One reply read: its intent, the number chosen, and the language its word tells (null when it does not).</summary>
public sealed record ReplyWord(ReplyIntent Intent, int Number = 0, string? Language = null)
{
    public static ReplyWord Read(string? body)
    {
        var word = Normalise(body);
        return word switch
        {
            "ANNULER" or "ANNULE" or "ANNULATION" => new(ReplyIntent.Cancel, Language: "fr"),
            "CANCEL" => new(ReplyIntent.Cancel, Language: "en"),
            "OUI" => new(ReplyIntent.Yes, Language: "fr"),
            "YES" => new(ReplyIntent.Yes, Language: "en"),
            "NON" => new(ReplyIntent.No, Language: "fr"),
            "NO" => new(ReplyIntent.No, Language: "en"),
            _ when word.Length is > 0 and <= 2 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 =>
                new(ReplyIntent.Number, n),
            _ => new(ReplyIntent.Other),
        };
    }

    /// <summary>Upper case, without accents, spaces or trailing punctuation: "Oui !" and "oui" read the same.</summary>
    public static string Normalise(string? body)
    {
        var decomposed = (body ?? "").Trim().Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder();
        foreach (var c in decomposed)
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                letters.Append(char.ToUpperInvariant(c));
        return letters.ToString();
    }
}
