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

/// <summary>A citizen's request for the personal information held about them (Law 25, s. 27), made to staff by phone,
/// letter, e-mail or in person and recorded by them: what the person asked and how they want the answer. Stored only
/// sealed.</summary>
public sealed record AccessRequestNote(string Text)
{
    public const string SealPurpose = "access-request";
}

/// <summary>How an access request reached the organisation.</summary>
public static class AccessRequestChannel
{
    public static readonly IReadOnlyList<string> All = ["phone", "letter", "email", "in_person"];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel);
}

/// <summary>A request or complaint as staff track it; <see cref="AnsweredAt"/> is set when it is closed with its answer.</summary>
public sealed record PrivacyRequestStatus(Guid Id, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt);

/// <summary>What the person in charge of personal information wrote back. Stored only sealed, since it may repeat the
/// citizen's details.</summary>
public sealed record PrivacyAnswer(string Text)
{
    public const string SealPurpose = "privacy-answer";
}
