namespace Booking.Messages.Formatting;

/// <summary>How many SMS parts a text costs: 160/153 characters in the GSM 7-bit alphabet, 70/67 otherwise (UCS-2).
/// Billing and the "two parts at most" rule for our wording depend on it.</summary>
public static class SmsSegments
{
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extended = "^{}\\[~]|€";

    public static int Count(string text)
    {
        var gsm = text.All(c => Basic.Contains(c) || Extended.Contains(c));
        var length = gsm ? text.Sum(c => Extended.Contains(c) ? 2 : 1) : text.Length;
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return length <= single ? 1 : (length + part - 1) / part;
    }
}
