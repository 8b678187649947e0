namespace Booking.Staff.Changes;

/// <summary>Why staff cancel or move a booking: a short list, so the ministry's extracts can count them, and a note
/// typed with it (required for <see cref="Other"/>).</summary>
public static class BookingChangeReasons
{
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
        ["clinic-closed", "staff-unavailable", "supply-shortage", "schedule-error", "citizen-request", Other];

    public const int MaxNoteLength = 500;
}
