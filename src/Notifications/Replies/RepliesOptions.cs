using System.ComponentModel.DataAnnotations;

namespace Booking.Notifications.Replies;

/// <summary>Two-way reminders: where the citizens' API is (cancellations go through it, like a manage link) and how
/// long a question asked by SMS stays open.</summary>
public sealed class RepliesOptions
{
    public const string Section = "Notifications:Replies";

    /// <summary>The citizens' API base address (e.g. http://127.0.0.1:5080/). Empty: replies cannot cancel, and say so.</summary>
    [Url] public string? BookingApiUrl { get; set; }

    public TimeSpan QuestionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
