using Booking.Domain.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Validation;

/// <summary>Validation errors as the API answers them (RFC 7807).</summary>
public static class ValidationProblems
{
    /// <summary>The standard <c>errors</c> member (messages) plus <c>errorCodes</c>, the same keys with the stable codes.</summary>
    public static ValidationProblem ToProblem(this ValidationErrors errors) => TypedResults.ValidationProblem(
        errors.ByField.ToDictionary(e => e.Key, e => e.Value.Select(v => v.Message).ToArray()),
        title: "Some fields need attention",
        type: "/problems/validation",
        extensions: new Dictionary<string, object?>
        {
            ["errorCodes"] = errors.ByField.ToDictionary(e => e.Key, e => e.Value.Select(v => v.Code).ToArray()),
        });
}
