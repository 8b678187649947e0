using Booking.Web.Validation;

namespace Booking.Web.Infrastructure;

/// <summary>The optional <c>Idempotency-Key</c> header: a retried request with the same key gets the first answer.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 100;

    /// <summary>False (with the error keyed by the header's name) when the header is present but unusable; absent is fine (key is null).</summary>
    public static bool TryRead(HttpRequest request, out string? key, out ValidationErrors errors)
    {
        key = null;
        errors = new ValidationErrors();
        var values = request.Headers[Header];
        if (values.Count == 0)
            return true;
        var value = values.Count == 1 ? values[0]?.Trim() : null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !value.All(c => c is > ' ' and <= '~'))
        {
            errors.Add(Header, ErrorCodes.InvalidIdempotencyKey, $"{Header} must be one value of 1 to {MaxLength} visible ASCII characters (a UUID is ideal).");
            return false;
        }
        key = value;
        return true;
    }
}
