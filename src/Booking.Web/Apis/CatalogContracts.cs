namespace Booking.Web.Apis;

// What the catalogue endpoints answer: the services offered and each one's screening questions.

public sealed record ServiceResponse(string Code, string NameFr, string NameEn, int DurationMinutes);

public sealed record ScreeningQuestionResponse(string Id, int Version, string TextFr, string TextEn, bool? BlockingAnswer,
    string? ExplanationFr, string? ExplanationEn);

public sealed record ScreeningResponse(string Service, IReadOnlyList<ScreeningQuestionResponse> Questions);
