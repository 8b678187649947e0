using Booking.Domain.Validation;


namespace Booking.Web.Bookings;

/// <summary>What a citizen's request came to, for the API and the pages alike: done (with its value), fields to fix,
/// or refused for a reason the citizen can act on. Never an HTTP result: the API maps it, the pages render it.</summary>
public abstract record Outcome<T>
{
    public sealed record Succeeded(T Value) : Outcome<T>;
    public sealed record Invalid(ValidationErrors Errors) : Outcome<T>;
    public sealed record Refused(Refusal Refusal) : Outcome<T>;

    /// <summary>The same outcome with its value, if any, turned into another.</summary>
    public Outcome<TResult> Select<TResult>(Func<T, TResult> map) => this switch
    {
        Succeeded { Value: var value } => new Outcome<TResult>.Succeeded(map(value)),
        Invalid { Errors: var errors } => new Outcome<TResult>.Invalid(errors),
        Refused { Refusal: var refusal } => new Outcome<TResult>.Refused(refusal),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    public static implicit operator Outcome<T>(T value) => new Succeeded(value);
    public static implicit operator Outcome<T>(ValidationErrors errors) => new Invalid(errors);
    public static implicit operator Outcome<T>(Refusal refusal) => new Refused(refusal);
}
