using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.LoadTest.Arrivals;

namespace Booking.LoadTest;

/// <summary>One scenario's parameters, read from <c>load/scenarios/&lt;name&gt;.json</c>: the same file the k6 scripts
/// open, so both harnesses drive the same load.</summary>
public sealed record ScenarioSettings
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required int VirtualUsers { get; init; }
    public required int DurationSeconds { get; init; }
    public int RampUpSeconds { get; init; }
    public required long MaxRequests { get; init; }
    public int RequestTimeoutSeconds { get; init; } = 10;
    public ThinkTime ThinkTimeMs { get; init; } = new(0, 0);
    public required IReadOnlyList<string> Services { get; init; }
    public required IReadOnlyList<string> PostalCodes { get; init; }
    public required DateWindow DateWindow { get; init; }
    public int SearchDays { get; init; } = 7;
    public double RadiusKm { get; init; } = 50;
    public int Limit { get; init; } = 10;
    /// <summary>A citizen picks among the first N slots of an answer (nearest clinics, earliest times first).</summary>
    public int SlotPickWindow { get; init; } = 20;

    /// <summary>Asked of the search so that it lists every slot a citizen may pick (the API lists at most 500 per clinic).</summary>
    public int SlotsPerLocation => Math.Min(SlotPickWindow, 500);
    public int HoldAttemptsPerSearch { get; init; } = 3;
    public int SearchesPerCitizen { get; init; } = 3;
    public HotLocation? HotLocation { get; init; }
    /// <summary>Journeys started at a rate instead of closed-loop users (from the command line only, as k6's <c>RATE</c>).</summary>
    [JsonIgnore]
    public OpenModel? Arrivals { get; init; }
    /// <summary>At most this many journeys run at once: the closed model's users, or the open model's pool.</summary>
    public int MostConcurrentUsers => Arrivals?.MaxVirtualUsers ?? VirtualUsers;
    /// <summary>Latency objectives per step (p99 in ms); reported, as k6 reports its thresholds.</summary>
    public IReadOnlyDictionary<string, LatencyObjective> Slo { get; init; } = new Dictionary<string, LatencyObjective>();

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary><paramref name="nameOrPath"/> is a scenario name (looked up in the <c>scenarios</c> folder copied next to
    /// the binary, then in <c>load/scenarios</c> under the working directory) or a path to a JSON file.</summary>
    public static ScenarioSettings Load(string nameOrPath)
    {
        string[] candidates = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? [nameOrPath]
            : [Path.Combine(AppContext.BaseDirectory, "scenarios", nameOrPath + ".json"), Path.Combine("load", "scenarios", nameOrPath + ".json")];
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new UsageException($"No scenario file for '{nameOrPath}' (looked for {string.Join(", ", candidates)}).");
        ScenarioSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<ScenarioSettings>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not a valid scenario file: {e.Message}");
        }
        if (settings is null)
            throw new UsageException($"{path} is empty.");
        settings.Validate(path);
        return settings;
    }

    /// <summary>The command line wins over the file for the knobs one turns between runs.</summary>
    public ScenarioSettings With(int? users, int? durationSeconds, long? maxRequests, int? dayOffset, ArrivalRate? rate = null, int? maxVirtualUsers = null)
    {
        var result = this with
        {
            VirtualUsers = users ?? VirtualUsers,
            DurationSeconds = durationSeconds ?? DurationSeconds,
            RampUpSeconds = Math.Min(RampUpSeconds, durationSeconds ?? DurationSeconds),
            MaxRequests = maxRequests ?? MaxRequests,
            HotLocation = dayOffset is { } offset && HotLocation is not null ? HotLocation with { DayOffset = offset } : HotLocation,
            Arrivals = rate is null ? null : new OpenModel(rate, maxVirtualUsers ?? OpenModel.DefaultPool(rate)),
        };
        result.Validate("the command line");
        return result;
    }

    private void Validate(string source)
    {
        var problems = new List<string>();
        if (VirtualUsers < 1) problems.Add("virtualUsers must be at least 1");
        if (DurationSeconds < 1) problems.Add("durationSeconds must be at least 1");
        if (RampUpSeconds < 0 || RampUpSeconds > DurationSeconds) problems.Add("rampUpSeconds must be between 0 and durationSeconds");
        if (MaxRequests < 1) problems.Add("maxRequests must be at least 1");
        if (RequestTimeoutSeconds < 1) problems.Add("requestTimeoutSeconds must be at least 1");
        if (ThinkTimeMs.Min < 0 || ThinkTimeMs.Max < ThinkTimeMs.Min) problems.Add("thinkTimeMs needs 0 <= min <= max");
        if (Services.Count == 0) problems.Add("services must not be empty");
        if (PostalCodes.Count == 0) problems.Add("postalCodes must not be empty");
        if (DateWindow.FromDaysAhead < 0 || DateWindow.ToDaysAhead < DateWindow.FromDaysAhead)
            problems.Add("dateWindow needs 0 <= fromDaysAhead <= toDaysAhead");
        if (SearchDays is < 1 or > 31) problems.Add("searchDays must be between 1 and 31 (the API's limit)");
        if (SlotPickWindow < 1 || HoldAttemptsPerSearch < 1 || SearchesPerCitizen < 1)
            problems.Add("slotPickWindow, holdAttemptsPerSearch and searchesPerCitizen must be at least 1");
        if (HotLocation is { DayOffset: < 0 }) problems.Add("hotLocation.dayOffset must not be negative");
        if (problems.Count > 0)
            throw new UsageException($"Invalid scenario settings from {source}: {string.Join("; ", problems)}.");
    }
}

public sealed record ThinkTime(int Min, int Max);

/// <summary>The open model: journeys per second, and the pool of virtual users they run on (k6's <c>maxVUs</c>).</summary>
public sealed record OpenModel(ArrivalRate Rate, int MaxVirtualUsers)
{
    /// <summary>Enough users for journeys of up to 10 s at the peak rate before any is dropped.</summary>
    public static int DefaultPool(ArrivalRate rate) => (int)Math.Ceiling(rate.Peak * 10);
}

public sealed record DateWindow(int FromDaysAhead, int ToDaysAhead);

public sealed record HotLocation(Guid LocationId, string PostalCode, string Service, int DayOffset);

public sealed record LatencyObjective([property: JsonPropertyName("p99Ms")] double P99Ms);
