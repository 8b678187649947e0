namespace Booking.Staff.Offer;

/// <summary>A field's problem as a text key of the staff site (<c>StaffText</c>) with its arguments, so the page says
/// it in the reader's language.</summary>
public sealed record FieldError(string Field, string TextKey, object[] Arguments);

/// <summary>Every problem found with a form, checked before anything is written: a form with any is not saved at all.</summary>
public sealed class FormErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> All => _errors;

    public void Add(string field, string textKey, params object[] arguments) => _errors.Add(new FieldError(field, textKey, arguments));

    public FieldError? For(string field) => _errors.FirstOrDefault(e => e.Field == field);
}
