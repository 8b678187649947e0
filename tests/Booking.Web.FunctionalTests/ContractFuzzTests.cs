using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Booking.Testing;
using Booking.Web.FunctionalTests.Fuzzing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Booking.Web.FunctionalTests;

/// <summary>
/// Generated requests to every operation the OpenAPI document describes (read from the running host, so a new endpoint
/// is covered without touching this test): whatever a client sends, the answer is never a 5xx, and every 4xx is a
/// problem (RFC 7807) whose status is the HTTP status. The seed is random unless BOOKING_FUZZ_SEED gives one, and a
/// failure names it, so any run can be replayed.
/// </summary>
[Collection(ContractFuzzCollection.Name)]
public sealed class ContractFuzzTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private const int InFlight = 4;
    private const int Shown = 8;

    private sealed record Answer(FuzzRequest Request, int Status, string? MediaType, string Body, string? Violation);

    [Fact]
    public async Task Generated_requests_to_every_documented_operation_get_no_server_error_and_each_refusal_is_a_problem()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("BOOKING_FUZZ_SEED"), out var given) ? given : Random.Shared.Next();
        output.WriteLine($"seed {seed} (BOOKING_FUZZ_SEED={seed} replays this run)");
        // A host of its own: a waiting room gating one service, so the pass checks are fuzzed too, and a recorder of
        // the exceptions behind any 500.
        await using var host = platform.WebHostWith(new Dictionary<string, string?>
        {
            ["WaitingRoom:Rooms:fuzz:Enabled"] = "true",
            ["WaitingRoom:Rooms:fuzz:AdmissionsPerMinute"] = "1000000",
            ["WaitingRoom:Rooms:fuzz:Services:0"] = "BLOOD",
        }, web => web.ConfigureTestServices(services => services.AddExceptionHandler<UnhandledExceptions>()));
        var http = host.CreateClient();
        var contract = ApiContract.Read((await http.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!);
        output.WriteLine($"{contract.Operations.Count} operations: {string.Join(", ", contract.Operations)}");
        var generator = new FuzzRequestGenerator(contract, new FuzzValues(new Random(seed), await HintsAsync(http)));
        var requests = Enumerable.Range(0, Requests).Select(generator.Next).ToList();

        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<Answer>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (request, cancellationToken) => answers.Add(await SendAsync(http, request, cancellationToken)));
        clock.Stop();

        Report(contract, answers, clock.Elapsed);
        var broken = answers.Where(a => a.Violation is not null).OrderBy(a => a.Request.Index).ToList();
        var exceptions = host.Services.GetServices<IExceptionHandler>().OfType<UnhandledExceptions>().Single();
        // Kinds by operation, violation and the method that threw, so that two bugs raising the same exception type stay apart.
        var kinds = broken.GroupBy(a => $"{a.Request.Operation}: {a.Violation}" + (exceptions.Of(a.Request.Index) is { } e
            ? $" ({e.GetType().Name} in {e.TargetSite?.DeclaringType?.Name}.{e.TargetSite?.Name})" : "")).ToList();
        Assert.True(broken.Count == 0, $"{broken.Count} of {Requests} answers break the contract (seed {seed}; BOOKING_FUZZ_SEED={seed} replays them). " +
            $"By kind:\n{string.Concat(kinds.Select(k => $"  {k.Key} ×{k.Count()}, first #{k.First().Request.Index}\n"))}\n" +
            $"The first of {(kinds.Count > Shown ? $"the first {Shown} kinds" : "each kind")}:\n\n" +
            string.Join("\n\n", kinds.Take(Shown).Select(k => Explain(k.First(), exceptions.Of(k.First().Request.Index)))));
    }

    /// <summary>What the platform really holds, for plausible values: its services, its clinics, two bookings and their
    /// manage tokens.</summary>
    private static async Task<FuzzHints> HintsAsync(HttpClient http)
    {
        var api = new CitizenApi(http);
        var services = (await http.GetFromJsonAsync<JsonArray>("/api/v1/services"))!.Select(s => s!["code"]!.GetValue<string>()).ToList();
        var bookings = new List<(string, string)>();
        foreach (var minute in new[] { 0, 20 })
        {
            var booked = await api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(12), 14, minute));
            bookings.Add((booked["confirmationCode"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>()));
        }
        return new FuzzHints(services, [CitizenApi.Stade, CitizenApi.Plateau, CitizenApi.HauteVille], ["covid", "fuzz"], bookings);
    }

    private static async Task<Answer> SendAsync(HttpClient http, FuzzRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var message = request.ToHttp();
            using var response = await http.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            return new Answer(request, status, mediaType, body, Violation(status, mediaType, body));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return new Answer(request, 0, null, e.ToString(), "no answer: the server failed while answering");
        }
    }

    /// <summary>Why an answer breaks the contract, or null: no 5xx, not even a 503 (a platform too slow to answer this
    /// load is a defect here, as the clinic-day stall was), and a 4xx is a problem with type, title and its status.</summary>
    private static string? Violation(int status, string? mediaType, string body)
    {
        if (status >= 500)
            return $"a {status}";
        if (status < 400)
            return null;
        if (mediaType != "application/problem+json")
            return $"a {status} as {mediaType ?? "no content type"}, not application/problem+json";
        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return $"a {status} whose problem is not JSON";
        }
        if (problem?["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || type.GetValue<string>().Length == 0)
            return $"a {status} problem without a type";
        if (problem["title"] is not JsonValue title || title.GetValueKind() != JsonValueKind.String || title.GetValue<string>().Length == 0)
            return $"a {status} problem without a title";
        if (problem["status"] is not JsonValue statusMember || statusMember.GetValueKind() != JsonValueKind.Number || statusMember.GetValue<int>() != status)
            return $"a {status} problem whose status member is {problem["status"]?.ToJsonString() ?? "missing"}";
        return null;
    }

    private static string Explain(Answer answer, Exception? exception)
    {
        var text = new StringBuilder($"{answer.Violation}\n  request {answer.Request.Describe()}\n  answer {answer.Status} {answer.MediaType}: " +
            FuzzRequest.Printable(answer.Body, 400));
        if (exception is not null)
            text.Append($"\n  server: {exception.GetType().FullName}: {exception.Message}\n    " +
                string.Join("\n    ", (exception.StackTrace ?? "").Split('\n').Take(4).Select(l => l.Trim())));
        return text.ToString();
    }

    /// <summary>How the requests spread over the operations and what they got, for the test's output.</summary>
    private void Report(ApiContract contract, IReadOnlyCollection<Answer> answers, TimeSpan elapsed)
    {
        output.WriteLine($"{answers.Count} requests in {elapsed.TotalSeconds:0.0} s ({answers.Count / elapsed.TotalSeconds:0} per second, {InFlight} in flight)");
        foreach (var operation in contract.Operations)
        {
            var statuses = answers.Where(a => a.Request.Operation == operation).GroupBy(a => a.Status).OrderBy(g => g.Key)
                .Select(g => $"{g.Key}×{g.Count()}");
            output.WriteLine($"  {operation}: {string.Join(", ", statuses)}");
        }
    }
}
