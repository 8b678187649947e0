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

/// <summary>A request or complaint as staff track it; <see cref="AnsweredAt"/> is set when it is closed with its answer.</summary>
public sealed record PrivacyRequestStatus(Guid Id, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt);

/// <summary>What the person in charge of personal information wrote back. Stored only sealed, since it may repeat the
/// citizen's details.</summary>
public sealed record PrivacyAnswer(string Text)
{
    public const string SealPurpose = "privacy-answer";
}
