using Booking.Domain.Screening;

namespace Booking.Domain.Tests;

public class ScreeningEvaluationTests
{
    private static readonly ScreeningQuestion Fever = new("fever", 1, 1, "Fièvre?", "Fever?", true, "Revenez", "Come back");
    private static readonly ScreeningQuestion Allergy = new("allergy", 2, 2, "Allergie?", "Allergy?", true, "Appelez le 811", "Call 811");
    private static readonly ScreeningQuestion Consent = new("guardian", 1, 3, "Tuteur?", "Guardian?", false, "Un tuteur", "A guardian");
    private static readonly ScreeningQuestion Informative = new("pregnant", 1, 4, "Enceinte?", "Pregnant?", null, null, null);
    private static readonly ScreeningQuestion[] Questions = [Informative, Allergy, Consent, Fever];

    private static Dictionary<string, bool> Answers(bool fever = false, bool allergy = false, bool guardian = true, bool pregnant = true) =>
        new() { ["fever"] = fever, ["allergy"] = allergy, ["guardian"] = guardian, ["pregnant"] = pregnant };

    [Fact]
    public void Answers_that_block_nothing_pass()
    {
        Assert.IsType<ScreeningResult.Passed>(ScreeningEvaluation.Evaluate(Questions, Answers()));
    }

    [Fact]
    public void A_blocking_yes_stops_the_booking_with_that_question()
    {
        var result = ScreeningEvaluation.Evaluate(Questions, Answers(allergy: true));

        Assert.Equal("allergy", Assert.IsType<ScreeningResult.Blocked>(result).Question.Id);
    }

    [Fact]
    public void A_blocking_no_stops_the_booking_too()
    {
        var result = ScreeningEvaluation.Evaluate(Questions, Answers(guardian: false));

        Assert.Equal("guardian", Assert.IsType<ScreeningResult.Blocked>(result).Question.Id);
    }

    [Fact]
    public void The_first_blocking_question_in_the_order_asked_is_named()
    {
        var result = ScreeningEvaluation.Evaluate(Questions, Answers(fever: true, allergy: true));

        Assert.Equal("fever", Assert.IsType<ScreeningResult.Blocked>(result).Question.Id);
    }

    [Fact]
    public void An_informative_question_never_blocks_whatever_the_answer()
    {
        Assert.IsType<ScreeningResult.Passed>(ScreeningEvaluation.Evaluate(Questions, Answers(pregnant: false)));
        Assert.IsType<ScreeningResult.Passed>(ScreeningEvaluation.Evaluate(Questions, Answers(pregnant: true)));
    }

    [Fact]
    public void Unanswered_questions_are_listed_in_the_order_asked_even_when_another_answer_blocks()
    {
        var answers = new Dictionary<string, bool> { ["allergy"] = true };

        var result = ScreeningEvaluation.Evaluate(Questions, answers);

        Assert.Equal(["fever", "guardian", "pregnant"], Assert.IsType<ScreeningResult.Incomplete>(result).Unanswered.Select(q => q.Id));
    }

    [Fact]
    public void A_service_without_questions_passes_with_no_answers()
    {
        Assert.IsType<ScreeningResult.Passed>(ScreeningEvaluation.Evaluate([], new Dictionary<string, bool>()));
    }
}
