using Booking.Web.Validation;

namespace Booking.Web.Bookings;

/// <summary>What a citizen's request came to, for the API and the pages alike: done (with its value), fields to fix,
/// or refused for a reason the citizen can act on. Never an HTTP result: the API maps it, the pages render it.</summary>
public abstract record Outcome<T>
{
    public sealed record Succeeded(T Value) : Outcome<T>;
    public sealed record Invalid(ValidationErrors Errors) : Outcome<T>;
    public sealed record Refused(Refusal Refusal) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Succeeded(value);
    public static implicit operator Outcome<T>(ValidationErrors errors) => new Invalid(errors);
    public static implicit operator Outcome<T>(Refusal refusal) => new Refused(refusal);
}
