using Booking.Domain.Campaigns;
using Booking.Domain.Screening;
using Booking.Domain.Validation;

namespace Booking.Data.Bookings;

/// <summary>Reads what a citizen declared for one booking (screening answers, priority groups) against the service's
/// questions: unanswered questions and unknown groups are field errors; the answers are re-evaluated here, whatever
/// the client decided. Answers to questions the service does not ask are ignored.</summary>
public static class DeclarationReader
{
    public sealed record Reading(BookingDeclarations Declarations, ScreeningQuestion? BlockedBy);

    /// <param name="prefix">Field path of the person in the request ("" or "people[1].").</param>
    public static Reading? Read(IReadOnlyList<ScreeningQuestion> questions, IReadOnlyDictionary<string, bool?>? answers,
        IReadOnlyList<string?>? priorityGroups, ValidationErrors errors, string prefix = "")
    {
        var given = (answers ?? new Dictionary<string, bool?>())
            .Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!.Value, StringComparer.Ordinal);
        var result = ScreeningEvaluation.Evaluate(questions, given);
        if (result is ScreeningResult.Incomplete incomplete)
            foreach (var question in incomplete.Unanswered)
                errors.Add($"{prefix}screening.{question.Id}", ErrorCodes.Required, $"Answer this question: {question.TextEn}");

        var groups = new List<string>();
        var unknownGroup = false;
        foreach (var group in priorityGroups ?? [])
        {
            if (group is not null && PriorityGroups.Declarable.Contains(group))
                groups.Add(group);
            else
            {
                unknownGroup = true;
                errors.Add($"{prefix}priorityGroups", ErrorCodes.UnknownPriorityGroup,
                    $"Unknown priority group \"{group}\". Known: {string.Join(", ", PriorityGroups.Declarable)}.");
            }
        }
        if (unknownGroup || result is ScreeningResult.Incomplete)
            return null;

        var recorded = questions.Select(q => new RecordedAnswer(q.Id, q.Version, q.TextFr, q.TextEn, given[q.Id])).ToList();
        return new Reading(new BookingDeclarations(recorded, groups.Distinct().ToList()), (result as ScreeningResult.Blocked)?.Question);
    }
}
