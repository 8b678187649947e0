namespace Booking.Domain.Validation;

/// <summary>One thing wrong with a field: a stable <see cref="Code"/> (e.g. <c>required</c>, <c>invalid_phone</c>) that
/// a page can translate, and the English <see cref="Message"/> the API shows.</summary>
public sealed record ValidationError(string Code, string Message);

/// <summary>Collects every problem with a request so the citizen sees them all at once, keyed by field path.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<ValidationError>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, IReadOnlyList<ValidationError>> ByField =>
        _errors.ToDictionary(e => e.Key, e => (IReadOnlyList<ValidationError>)e.Value);

    public void Add(string field, string code, string message)
    {
        if (!_errors.TryGetValue(field, out var errors))
            _errors[field] = errors = [];
        errors.Add(new ValidationError(code, message));
    }
}
