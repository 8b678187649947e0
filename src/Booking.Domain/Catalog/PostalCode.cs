using System.Diagnostics.CodeAnalysis;

namespace Booking.Domain.Catalog;

/// <summary>
/// A Canadian postal code (<c>H2X1Y4</c>) or a bare forward sortation area (<c>H2X</c>), normalised: upper case,
/// no separator. Letters follow Canada Post's rules: D, F, I, O, Q and U never appear; W and Z never come first.
/// <c>default(PostalCode)</c> is not a valid code (its <see cref="Value"/> is empty); obtain codes through
/// <see cref="TryParse(string?, out PostalCode)"/> or <see cref="Parse"/>.
/// </summary>
public readonly record struct PostalCode
{
    private const string FirstLetters = "ABCEGHJKLMNPRSTVXY";
    private const string OtherLetters = "ABCEGHJKLMNPRSTVWXYZ";

    private readonly string? _value;

    private PostalCode(string value) => _value = value;

    /// <summary>Six characters (<c>H2X1Y4</c>), or three for a bare FSA (<c>H2X</c>).</summary>
    public string Value => _value ?? "";

    /// <summary>The forward sortation area: the first three characters.</summary>
    public string Fsa => Value.Length >= 3 ? Value[..3] : Value;

    /// <summary>True when only the forward sortation area was given.</summary>
    public bool IsFsaOnly => Value.Length == 3;

    /// <summary>Canada Post's display form: <c>H2X 1Y4</c> (or <c>H2X</c>).</summary>
    public override string ToString() => Value.Length == 6 ? $"{Value[..3]} {Value[3..]}" : Value;

    /// <summary>Accepts <c>H2X 1Y4</c>, <c>h2x1y4</c>, <c>H2X-1Y4</c> (any run of spaces or hyphens between the two
    /// halves, surrounding white space ignored) and a bare FSA <c>H2X</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PostalCode code)
    {
        code = default;
        if (text is null)
            return false;
        var span = text.AsSpan().Trim();
        if (span.Length < 3)
            return false;

        Span<char> normalised = stackalloc char[6];
        span[..3].CopyTo(normalised);
        var rest = span[3..].TrimStart(" -\u00A0\t");
        if (rest.Length == 3)
            rest.CopyTo(normalised[3..]);
        else if (rest.Length != 0 || span.Length != 3)
            return false;

        var length = rest.Length == 0 ? 3 : 6;
        for (var i = 0; i < length; i++)
        {
            if (!char.IsAscii(normalised[i]))
                return false;
            var c = char.ToUpperInvariant(normalised[i]);
            var valid = i switch
            {
                0 => FirstLetters.Contains(c),
                1 or 3 or 5 => char.IsAsciiDigit(c),
                _ => OtherLetters.Contains(c),
            };
            if (!valid)
                return false;
            normalised[i] = c;
        }
        code = new PostalCode(new string(normalised[..length]));
        return true;
    }
}
