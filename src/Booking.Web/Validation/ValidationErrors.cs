using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Validation;

/// <summary>Collects every problem with a request so the citizen sees them all at once, keyed by field path.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(ToDictionary(), title: "Some fields need attention",
        type: "/problems/validation");
}
