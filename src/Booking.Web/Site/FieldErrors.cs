namespace Booking.Web.Site;

/// <summary>What is wrong with a form, field by field, in the order the fields appear: the page shows the list in
/// an error summary (each entry links to its field) and each message again next to its field.</summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Message)> _items = [];

    public bool Any => _items.Count > 0;
    public IReadOnlyList<(string Field, string Message)> Items => _items;

    /// <summary>Keeps the first message of a field: one clear instruction per field is enough.</summary>
    public void Add(string field, string message)
    {
        if (For(field) is null)
            _items.Add((field, message));
    }

    public string? For(string field) => _items.FirstOrDefault(i => i.Field == field).Message;
}
