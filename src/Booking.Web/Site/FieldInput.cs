namespace Booking.Web.Site;

/// <summary>What an input inside a <c>Field</c> needs: its id, the ids of its hint and error, and whether it is in error.</summary>
public sealed record FieldInput(string Id, string? DescribedBy, bool Invalid)
{
    public string? AriaInvalid => Invalid ? "true" : null;
}
