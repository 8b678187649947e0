namespace Booking.Domain.Screening;

/// <summary>A yes/no question asked before booking a service. <see cref="BlockingAnswer"/> is the answer that stops the
/// booking (null: the answer only informs the clinic), with an explanation telling the citizen what to do instead.</summary>
public sealed record ScreeningQuestion(
    string Id,
    int Version,
    int Position,
    string TextFr,
    string TextEn,
    bool? BlockingAnswer,
    string? ExplanationFr,
    string? ExplanationEn);
