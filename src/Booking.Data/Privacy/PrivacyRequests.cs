namespace Booking.Data.Privacy;

/// <summary>What a citizen asks to have corrected (Law 25, s. 28): field names of their booking and the values they
/// say are right, with a note. Stored only sealed.</summary>
public sealed record CorrectionRequest(IReadOnlyList<FieldCorrection> Corrections, string? Note)
{
    public const string SealPurpose = "correction-request";
}

public sealed record FieldCorrection(string Field, string Value);

/// <summary>A complaint about how personal information was handled: who complains, how to reach them, why, and the
/// booking it is about if any. Stored only sealed.</summary>
public sealed record PrivacyComplaint(string Name, string? Email, string? Phone, string Language, string Grounds, string? ConfirmationCode)
{
    public const string SealPurpose = "privacy-complaint";
}

/// <summary>A request or complaint as staff track it; <see cref="Answer"/> and <see cref="AnsweredAt"/> are set when it is closed.</summary>
public sealed record PrivacyRequestStatus(Guid Id, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt, string? Answer);
