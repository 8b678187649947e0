using System.Globalization;
using System.Net;
using Booking.Data.Bookings;
using Booking.Data.Protection;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.FunctionalTests;

/// <summary>Pre-screening questions and campaign priority groups, enforced by the server over real HTTP, against the
/// demo's questions and its COVID-19 campaign (60 and over, health workers, chronic conditions).</summary>
[Collection(PlatformCollection.Name)]
public class ScreeningAndCampaignTests(PlatformFixture platform)
{
    private readonly CitizenApi _api = new(platform.Http);

    private static DateTimeOffset Slot(int minute) => QuebecDate.At(QuebecDate.NextWeekday(4), 13, minute);

    private async Task<long> BookingsOfHold(string holdId) =>
        await platform.Database.ScalarAsync<long>("select count(*) from bookings where hold_digest = sha256(convert_to(@h, 'UTF8'))", ("h", holdId));

    [Fact]
    public async Task A_service_lists_its_questions_in_order_with_the_blocking_answer_and_explanation()
    {
        var body = await CitizenApi.Json(await platform.Http.GetAsync("/api/v1/services/COVID19/screening"));

        var questions = body["questions"]!.AsArray();
        Assert.Equal(["fever", "severe-allergy", "recent-infection", "immunosuppressed"], questions.Select(q => q!["id"]!.GetValue<string>()));
        var allergy = questions[1]!;
        Assert.True(allergy["blockingAnswer"]!.GetValue<bool>());
        Assert.Contains("811", allergy["explanationFr"]!.GetValue<string>());
        Assert.Null(questions[3]!["blockingAnswer"]);
    }

    [Fact]
    public async Task The_screening_of_an_unknown_service_is_a_404_problem()
    {
        var response = await platform.Http.GetAsync("/api/v1/services/NOPE/screening");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/service-not-found", (await CitizenApi.Json(response))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_blocking_answer_is_refused_naming_the_question_and_books_nothing()
    {
        var holdId = await _api.HoldId(CitizenApi.Stade, "COVID19", Slot(0));

        var response = await _api.Confirm(holdId, screening: CitizenApi.Answers(("severe-allergy", true)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await CitizenApi.Json(response);
        Assert.Equal("/problems/screening-blocked", problem["type"]!.GetValue<string>());
        Assert.Equal("severe-allergy", problem["questionId"]!.GetValue<string>());
        Assert.Contains("811", problem["explanationEn"]!.GetValue<string>());
        Assert.Equal(0L, await BookingsOfHold(holdId));
    }

    [Fact]
    public async Task A_blocking_no_is_refused_too()
    {
        var holdId = await _api.HoldId(CitizenApi.HauteVille, "BLOOD", QuebecDate.At(QuebecDate.NextWeekday(4), 7, 15));

        var response = await _api.Confirm(holdId, screening: CitizenApi.Answers(("requisition", false)));

        Assert.Equal("requisition", (await CitizenApi.Json(response))["questionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unanswered_questions_and_unknown_groups_are_field_errors()
    {
        var holdId = await _api.HoldId(CitizenApi.Stade, "COVID19", Slot(10));
        var answers = CitizenApi.Answers();
        answers.Remove("recent-infection");

        var response = await _api.Confirm(holdId, screening: answers, priorityGroups: ["astronaut"]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CitizenApi.Json(response);
        Assert.Equal(["priorityGroups", "screening.recent-infection"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal("required", problem["errorCodes"]!["screening.recent-infection"]![0]!.GetValue<string>());
        Assert.Equal("unknown_priority_group", problem["errorCodes"]!["priorityGroups"]![0]!.GetValue<string>());
        Assert.Equal(0L, await BookingsOfHold(holdId));
    }

    [Fact]
    public async Task Answers_are_stored_only_sealed_and_read_back_with_the_key()
    {
        var holdId = await _api.HoldId(CitizenApi.Stade, "COVID19", Slot(20));
        var booked = await _api.Confirm(holdId, screening: CitizenApi.Answers(("immunosuppressed", true)));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var row = await platform.Database.ScalarAsync<byte[]>(
            "select d.ciphertext from booking_declarations d join bookings b on b.id = d.booking_id where b.hold_digest = sha256(convert_to(@h, 'UTF8'))", ("h", holdId));
        var keyId = await platform.Database.ScalarAsync<string>(
            "select d.encryption_key_id from booking_declarations d join bookings b on b.id = d.booking_id where b.hold_digest = sha256(convert_to(@h, 'UTF8'))", ("h", holdId));
        Assert.DoesNotContain("immunosuppressed", System.Text.Encoding.UTF8.GetString(row));
        var declarations = platform.WebServices.GetRequiredService<PersonalDataProtector>()
            .Unseal<BookingDeclarations>(row, keyId, BookingDeclarations.SealPurpose);
        Assert.True(declarations.Screening.Single(a => a.QuestionId == "immunosuppressed").Answer);
        Assert.False(declarations.Screening.Single(a => a.QuestionId == "fever").Answer);
        Assert.Equal(["health-worker"], declarations.PriorityGroups);
    }

    [Fact]
    public async Task A_citizen_outside_the_open_groups_is_refused_with_the_groups_open()
    {
        var holdId = await _api.HoldId(CitizenApi.Stade, "COVID19", Slot(30));

        var response = await _api.Confirm(holdId, CitizenApi.NewCitizen(birthDate: "1990-06-15"), priorityGroups: []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await CitizenApi.Json(response);
        Assert.Equal("/problems/not-eligible", problem["type"]!.GetValue<string>());
        Assert.Equal("priority_group_not_open", problem["reason"]!.GetValue<string>());
        Assert.Equal(["age-60-plus", "chronic-condition", "health-worker"], problem["openGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(0L, await BookingsOfHold(holdId));
    }

    [Theory]
    [InlineData("1950-06-15", new string[0])]
    [InlineData("1990-06-15", new[] { "chronic-condition" })]
    public async Task Age_or_a_declared_group_opens_the_campaign(string birthDate, string[] groups)
    {
        var holdId = await _api.HoldId(CitizenApi.Stade, "COVID19", Slot(birthDate.StartsWith("1950", StringComparison.Ordinal) ? 40 : 50));

        var response = await _api.Confirm(holdId, CitizenApi.NewCitizen(birthDate: birthDate), priorityGroups: groups);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_service_without_a_campaign_ignores_priority_groups()
    {
        var holdId = await _api.HoldId(CitizenApi.Stade, "FLU", Slot(0));

        var response = await _api.Confirm(holdId, CitizenApi.NewCitizen(birthDate: "1990-06-15"), priorityGroups: []);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
