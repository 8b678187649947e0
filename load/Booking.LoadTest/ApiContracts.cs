using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.LoadTest;

// The wire format of /api/v1 as this harness uses it. Slot times stay strings: a hold must send a slot's start exactly as
// the availability answer wrote it, and a parse-and-format round trip is one more thing that could differ.

public sealed record AvailabilityAnswer(string Service, string PostalCode, IReadOnlyList<LocationAnswer> Locations);

public sealed record LocationAnswer(Guid LocationId, string Name, string City, double DistanceKm, IReadOnlyList<SlotAnswer> Slots);

public sealed record SlotAnswer(string Start, string End, int Remaining);

public sealed record HoldAnswer(string HoldId, string ExpiresAt, Guid LocationId, string Service, string Start);

public sealed record BookingAnswer(string ConfirmationCode, string ManageToken, Guid LocationId, string Service, string Start, string Status);

public sealed record ProblemAnswer(string? Type, string? Title);

public sealed record HoldRequest(Guid LocationId, string Service, string Start);

/// <summary>The demo's screening questions answered so that nothing blocks (unasked ones are ignored by the API), and a
/// declared priority group that the demo COVID-19 campaign is open to, so every journey is eligible.</summary>
public sealed record ConfirmRequest(string HoldId, FakeCitizen Citizen, bool Consent, Dictionary<string, bool> Screening, string[] PriorityGroups)
{
    public static ConfirmRequest Passing(string holdId, FakeCitizen citizen) => new(holdId, citizen, true, PassingAnswers, ["health-worker"]);

    private static readonly Dictionary<string, bool> PassingAnswers = new()
    {
        ["fever"] = false, ["severe-allergy"] = false, ["recent-infection"] = false, ["immunosuppressed"] = false,
        ["guillain-barre"] = false, ["requisition"] = true, ["anticoagulants"] = false,
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AvailabilityAnswer))]
[JsonSerializable(typeof(HoldAnswer))]
[JsonSerializable(typeof(BookingAnswer))]
[JsonSerializable(typeof(ProblemAnswer))]
[JsonSerializable(typeof(HoldRequest))]
[JsonSerializable(typeof(ConfirmRequest))]
internal sealed partial class ApiJson : JsonSerializerContext;
