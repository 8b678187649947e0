using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Booking.Domain.Citizens;
using Booking.Web.Bookings;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Booking.Benchmarks;

/// <summary>The JSON a booking reads and writes in the web host (the hold's and the confirmation's bodies and answers,
/// the citizen's details before they are sealed), with the options the platform uses (ASP.NET Core's, resolved by
/// reflection) against the same options resolved by a source-generated context: what source generation would save.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CitizenApiJsonBenchmarks
{
    // The bodies the load generator sends: a new citizen, the demo's screening answers, a declared priority group.
    private static readonly byte[] ConfirmBody = Encoding.UTF8.GetBytes("""
        {"holdId":"h1.9f3c1a7e2b8d4c6fa0e5d7b9c1a3e5f7.Zx8kQ2mV4nB6pL0rT3wY5uI7oP9aS1dF","citizen":{"firstName":"Élise",
        "lastName":"Côté-kqzvbf","birthDate":"1961-03-04","healthCardNumber":null,"email":"citoyen.kqzvbf@example.org",
        "emailConsent":true,"phone":"+15145550143","language":"fr"},"consent":true,"screening":{"fever":false,
        "severe-allergy":false,"recent-infection":false,"immunosuppressed":false,"guillain-barre":false,"requisition":true,
        "anticoagulants":false},"priorityGroups":["health-worker"]}
        """);

    private static readonly byte[] HoldBody = Encoding.UTF8.GetBytes(
        """{"locationId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","service":"COVID19","start":"2026-12-14T09:00:00-05:00"}""");

    private static readonly DateTimeOffset Start = new(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(-5));

    private static readonly HoldResponse Hold = new("h1.9f3c1a7e2b8d4c6fa0e5d7b9c1a3e5f7.Zx8kQ2mV4nB6pL0rT3wY5uI7oP9aS1dF",
        Start.AddMinutes(-50), Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "COVID19", Start, Start.AddMinutes(10));

    private static readonly BookingCreatedResponse Created = new("KQZ-VBF-TRH", "m1.KQZVBFTRH.Zx8kQ2mV4nB6pL0rT3wY5uI7oP9aS1dFgH2jK4lM",
        Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "COVID19", Start, Start.AddMinutes(10), "confirmed");

    private static readonly CitizenDetails Citizen = new("Élise", "Côté-kqzvbf", new DateOnly(1961, 3, 4), null,
        "citoyen.kqzvbf@example.org", "+15145550143", "fr", true, "H2X");

    // What minimal APIs use (ASP.NET Core's web defaults, no options of ours), and the sealing's own defaults.
    private readonly JsonSerializerOptions _api = new HttpJsonOptions().SerializerOptions;
    private readonly JsonSerializerOptions _apiGenerated = new(new HttpJsonOptions().SerializerOptions) { TypeInfoResolver = ApiJson.Default };
    private readonly JsonSerializerOptions _sealing = JsonSerializerOptions.Default;
    private readonly JsonSerializerOptions _sealingGenerated = new() { TypeInfoResolver = SealingJson.Default };

    [GlobalSetup]
    public void Setup()
    {
        // Both resolvers must write the very same bytes, or the comparison means nothing.
        Same(JsonSerializer.SerializeToUtf8Bytes(Created, _api), JsonSerializer.SerializeToUtf8Bytes(Created, _apiGenerated));
        Same(JsonSerializer.SerializeToUtf8Bytes(Hold, _api), JsonSerializer.SerializeToUtf8Bytes(Hold, _apiGenerated));
        Same(JsonSerializer.SerializeToUtf8Bytes(Citizen, _sealing), JsonSerializer.SerializeToUtf8Bytes(Citizen, _sealingGenerated));
        Same(JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize<BookingRequest>(ConfirmBody, _api), _api),
            JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize<BookingRequest>(ConfirmBody, _apiGenerated), _api));
    }

    [Benchmark(Baseline = true, Description = "reflection"), BenchmarkCategory("read the confirmation's body")]
    public BookingRequest? ReadConfirmation() => JsonSerializer.Deserialize<BookingRequest>(ConfirmBody, _api);

    [Benchmark(Description = "source-generated"), BenchmarkCategory("read the confirmation's body")]
    public BookingRequest? ReadConfirmationGenerated() => JsonSerializer.Deserialize<BookingRequest>(ConfirmBody, _apiGenerated);

    [Benchmark(Baseline = true, Description = "reflection"), BenchmarkCategory("write the booking created")]
    public byte[] WriteCreated() => JsonSerializer.SerializeToUtf8Bytes(Created, _api);

    [Benchmark(Description = "source-generated"), BenchmarkCategory("write the booking created")]
    public byte[] WriteCreatedGenerated() => JsonSerializer.SerializeToUtf8Bytes(Created, _apiGenerated);

    [Benchmark(Baseline = true, Description = "reflection"), BenchmarkCategory("read the hold's body")]
    public CitizenHoldRequest? ReadHold() => JsonSerializer.Deserialize<CitizenHoldRequest>(HoldBody, _api);

    [Benchmark(Description = "source-generated"), BenchmarkCategory("read the hold's body")]
    public CitizenHoldRequest? ReadHoldGenerated() => JsonSerializer.Deserialize<CitizenHoldRequest>(HoldBody, _apiGenerated);

    [Benchmark(Baseline = true, Description = "reflection"), BenchmarkCategory("write the hold")]
    public byte[] WriteHold() => JsonSerializer.SerializeToUtf8Bytes(Hold, _api);

    [Benchmark(Description = "source-generated"), BenchmarkCategory("write the hold")]
    public byte[] WriteHoldGenerated() => JsonSerializer.SerializeToUtf8Bytes(Hold, _apiGenerated);

    [Benchmark(Baseline = true, Description = "reflection"), BenchmarkCategory("the citizen's details to seal")]
    public byte[] WriteCitizen() => JsonSerializer.SerializeToUtf8Bytes(Citizen, _sealing);

    [Benchmark(Description = "source-generated"), BenchmarkCategory("the citizen's details to seal")]
    public byte[] WriteCitizenGenerated() => JsonSerializer.SerializeToUtf8Bytes(Citizen, _sealingGenerated);

    private static void Same(byte[] expected, byte[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
            throw new InvalidOperationException($"The resolvers disagree: {Encoding.UTF8.GetString(expected)} against {Encoding.UTF8.GetString(actual)}");
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BookingRequest))]
[JsonSerializable(typeof(CitizenHoldRequest))]
[JsonSerializable(typeof(BookingCreatedResponse))]
[JsonSerializable(typeof(HoldResponse))]
internal sealed partial class ApiJson : JsonSerializerContext;

[JsonSerializable(typeof(CitizenDetails))]
internal sealed partial class SealingJson : JsonSerializerContext;
