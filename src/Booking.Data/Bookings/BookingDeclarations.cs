namespace Booking.Data.Bookings;

/// <summary>What a citizen declared when booking: their answers to the screening questions (with the wording and
/// version they saw) and the priority groups they said they belong to. Stored only sealed.</summary>
public sealed record BookingDeclarations(IReadOnlyList<RecordedAnswer> Screening, IReadOnlyList<string> PriorityGroups)
{
    /// <summary>Binds the ciphertext to this kind of record (see PersonalDataProtector.Seal).</summary>
    public const string SealPurpose = "booking-declarations";
}

public sealed record RecordedAnswer(string QuestionId, int QuestionVersion, string QuestionFr, string QuestionEn, bool Answer);
