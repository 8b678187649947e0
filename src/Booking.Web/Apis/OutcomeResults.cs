using Booking.Web.Bookings;
using Booking.Web.Infrastructure;
using Booking.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary>The one mapping from an application outcome to HTTP: success as the handler says, fields to fix as a
/// 400 validation problem, a refusal as its problem type.</summary>
public static class OutcomeResults
{
    public static Results<TSuccess, ValidationProblem, ProblemHttpResult> ToHttp<T, TSuccess>(this Outcome<T> outcome, Func<T, TSuccess> success)
        where TSuccess : IResult => outcome switch
        {
            Outcome<T>.Succeeded { Value: var value } => success(value),
            Outcome<T>.Invalid { Errors: var errors } => errors.ToProblem(),
            Outcome<T>.Refused { Refusal: var refusal } => TypedResults.Problem(Problems.For(refusal)),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
        };
}
