using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>What a citizen's browser or app does over HTTP, with the answers parsed loosely (as JSON nodes) so that
/// the tests check the wire format, not our own DTO types.</summary>
public sealed class CitizenApi(HttpClient http)
{
    public static readonly Guid Stade = new("10000000-0000-4000-8000-000000000001");
    public static readonly Guid Plateau = new("10000000-0000-4000-8000-000000000003");
    public static readonly Guid HauteVille = new("10000000-0000-4000-8000-000000000006");

    private static int _nextCitizen;

    public HttpClient Http => http;

    public Task<HttpResponseMessage> Hold(Guid location, string service, DateTimeOffset start, string? idempotencyKey = null) =>
        Send(HttpMethod.Post, "/api/v1/holds", new { locationId = location, service, start }, idempotencyKey);

    /// <summary>Answers that pass every demo service's screening (unasked questions are ignored by the API).</summary>
    public static readonly IReadOnlyDictionary<string, bool> PassingAnswers = new Dictionary<string, bool>
    {
        ["fever"] = false, ["severe-allergy"] = false, ["recent-infection"] = false, ["immunosuppressed"] = false,
        ["guillain-barre"] = false, ["requisition"] = true, ["anticoagulants"] = false,
    };

    /// <summary>A health worker by default: the demo COVID-19 campaign is open to them whatever their age.</summary>
    public Task<HttpResponseMessage> Confirm(string holdId, object? citizen = null, string? idempotencyKey = null, bool consent = true,
        IReadOnlyDictionary<string, bool>? screening = null, string[]? priorityGroups = null) =>
        Send(HttpMethod.Post, "/api/v1/bookings", new
        {
            holdId, citizen = citizen ?? NewCitizen(), consent, screening = screening ?? PassingAnswers,
            priorityGroups = priorityGroups ?? ["health-worker"],
        }, idempotencyKey);

    public static Dictionary<string, bool> Answers(params (string Question, bool Answer)[] changes)
    {
        var answers = new Dictionary<string, bool>(PassingAnswers);
        foreach (var (question, answer) in changes)
            answers[question] = answer;
        return answers;
    }

    public async Task<string> HoldId(Guid location, string service, DateTimeOffset start)
    {
        var response = await Hold(location, service, start);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response))["holdId"]!.GetValue<string>();
    }

    /// <summary>Holds and confirms; returns the 201 body (confirmationCode, manageToken, start...).</summary>
    public async Task<JsonNode> Book(Guid location, string service, DateTimeOffset start, object? citizen = null)
    {
        var response = await Confirm(await HoldId(location, service, start), citizen);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json(response);
    }

    public Task<HttpResponseMessage> Get(string code, string token) =>
        Send(HttpMethod.Get, $"/api/v1/bookings/{code}?token={Uri.EscapeDataString(token)}", null);

    public Task<HttpResponseMessage> Cancel(string code, string token) =>
        Send(HttpMethod.Post, $"/api/v1/bookings/{code}/cancel?token={Uri.EscapeDataString(token)}", null);

    public Task<HttpResponseMessage> Reschedule(string code, string token, string holdId) =>
        Send(HttpMethod.Post, $"/api/v1/bookings/{code}/reschedule?token={Uri.EscapeDataString(token)}", new { holdId });

    /// <summary>What the availability search currently says is left in one slot (0 when it is not listed).</summary>
    public async Task<int> Remaining(string postalCode, string service, Guid location, DateTimeOffset start)
    {
        var date = Domain.Catalog.QuebecTime.DateOf(QuebecDate.Zone, start);
        var body = await Json(await http.GetAsync($"/api/v1/availability?service={service}&postalCode={postalCode}&from={date:yyyy-MM-dd}&days=1&limit=50&slotsPerLocation=500"));
        var clinic = body["locations"]!.AsArray().FirstOrDefault(l => l!["locationId"]!.GetValue<Guid>() == location);
        var slot = clinic?["slots"]!.AsArray().FirstOrDefault(s => s!["start"]!.GetValue<DateTimeOffset>() == start);
        return slot?["remaining"]!.GetValue<int>() ?? 0;
    }

    public static object NewCitizen(string? birthDate = null, string? email = "citoyen@example.org", string? phone = "+1 514 555 0143")
    {
        var n = Interlocked.Increment(ref _nextCitizen);
        return new { firstName = "Élise", lastName = $"Tremblay-{ToLetters(n)}", birthDate = birthDate ?? "1980-05-01", email, emailConsent = email is not null, phone, language = "fr" };
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("empty body");

    private static string ToLetters(int n) => new(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)('a' + c - '0')).ToArray());

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request);
    }
}
