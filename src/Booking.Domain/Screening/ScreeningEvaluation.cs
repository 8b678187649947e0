namespace Booking.Domain.Screening;

/// <summary>What a citizen's answers to a service's questions come to.</summary>
public abstract record ScreeningResult
{
    public sealed record Passed : ScreeningResult;
    /// <summary>Questions left unanswered, in the order they are asked.</summary>
    public sealed record Incomplete(IReadOnlyList<ScreeningQuestion> Unanswered) : ScreeningResult;
    /// <summary>The first question, in the order asked, whose answer stops the booking.</summary>
    public sealed record Blocked(ScreeningQuestion Question) : ScreeningResult;
}

public static class ScreeningEvaluation
{
    /// <summary>Every question must be answered; then the first blocking answer (in the order asked) decides.
    /// Answers to questions the service does not ask are ignored here (the edge reports them).</summary>
    public static ScreeningResult Evaluate(IEnumerable<ScreeningQuestion> questions, IReadOnlyDictionary<string, bool> answers)
    {
        var ordered = questions.OrderBy(q => q.Position).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
        var unanswered = ordered.Where(q => !answers.ContainsKey(q.Id)).ToList();
        if (unanswered.Count > 0)
            return new ScreeningResult.Incomplete(unanswered);
        var blocking = ordered.FirstOrDefault(q => q.BlockingAnswer is { } blocks && answers[q.Id] == blocks);
        return blocking is null ? new ScreeningResult.Passed() : new ScreeningResult.Blocked(blocking);
    }
}
