namespace Booking.Web.Site;

/// <summary>One person's details as posted by a booking form (kept as typed, so an error loses nothing).</summary>
public class PersonInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? BirthDate { get; set; }
    public string? HealthCardNumber { get; set; }
}
