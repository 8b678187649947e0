using System.Diagnostics.Metrics;
using System.Text.Json;
using Booking.ServiceDefaults.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Booking.Web.Availability;

/// <summary>
/// The availability API's answers as UTF-8 JSON, kept per search while what they were built from is unchanged: the
/// same catalogue and day pictures (each a second old at most) and none of the slots shown started. A kept answer is
/// then byte for byte what building it again would give, so keeping it changes nothing a citizen sees; it saves
/// building and serialising the same answer for every citizen who asks the same thing within that second, as a
/// campaign's opening brings. Counted in <c>booking.availability.answers</c> by <c>source</c> (kept or built).
/// </summary>
public sealed class AvailabilityAnswers : IDisposable
{
    public const string InstrumentName = "booking.availability.answers";

    // Bounds what arbitrary searches can make this host keep; answers run from a few hundred bytes to some tens of KB.
    private const long MaxBytes = 64L * 1024 * 1024;
    // Past this an answer's day pictures have certainly been replaced: its room goes to answers still of use.
    private static readonly TimeSpan KeptAtMost = TimeSpan.FromSeconds(10);

    private readonly AvailabilitySearch _search;
    private readonly JsonSerializerOptions _json;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxBytes });
    private readonly Counter<long> _counted;

    private sealed record Answer(SearchInputs Inputs, DateTimeOffset ShownSlotsStart, byte[] Json);

    public AvailabilityAnswers(AvailabilitySearch search, IOptions<HttpJsonOptions> json, TimeProvider clock, IMeterFactory meters)
    {
        _search = search;
        _json = json.Value.SerializerOptions;
        _clock = clock;
        _counted = meters.Create(PlatformMetrics.MeterName).CreateCounter<long>(InstrumentName, "{answer}",
            "Availability answers served, by source: kept (unchanged since built) or built");
    }

    /// <summary>The answer to <paramref name="criteria"/>, serialised as the API returns it.</summary>
    public async Task<byte[]> JsonAsync(AvailabilityCriteria criteria, CancellationToken cancellationToken)
    {
        var inputs = await _search.ReadAsync(criteria.Query, cancellationToken);
        if (_answers.TryGetValue(criteria, out Answer? kept) && kept!.Inputs.SameAs(inputs) && _clock.GetUtcNow() < kept.ShownSlotsStart)
        {
            Count("kept");
            return kept.Json;
        }

        var query = criteria.Query;
        var locations = _search.Find(inputs, query);
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new AvailabilityResponse(query.ServiceCode, criteria.PostalCode.ToString(), query.From, query.Days, locations), _json);
        // The answer stands until the first slot it shows starts: from then on that slot is no longer offered.
        var shownSlotsStart = locations.SelectMany(l => l.Slots).Select(s => s.Start).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        _answers.Set(criteria, new Answer(inputs, shownSlotsStart, json),
            new MemoryCacheEntryOptions { Size = json.Length, AbsoluteExpirationRelativeToNow = KeptAtMost });
        Count("built");
        return json;
    }

    private void Count(string source) => _counted.Add(1, new KeyValuePair<string, object?>("source", source));

    public void Dispose() => _answers.Dispose();
}
