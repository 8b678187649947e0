using Booking.Data.Reporting;
using Booking.Reporting.Datasets;
using Microsoft.Extensions.Options;

namespace Booking.Reporting.Building;

/// <summary>Builds a day's partition of every dataset: reads it through the reporting connection, suppresses small
/// cells, and stores the rows whole (<see cref="ExtractStore.SaveAsync"/>), each dataset in its own transaction.</summary>
public sealed class ExtractBuilder(IEnumerable<IExtractSource> sources, ExtractStore store, IOptions<ExtractOptions> options, TimeProvider clock)
{
    private readonly IReadOnlyList<IExtractSource> _sources = sources.ToList();

    public IReadOnlyList<ExtractDataset> Datasets => _sources.Select(s => s.Dataset).ToList();

    public async Task<int> BuildAsync(ExtractDay day, CancellationToken cancellationToken = default)
    {
        var suppression = new SmallCellSuppression(options.Value.SuppressionThreshold);
        var rows = 0;
        foreach (var source in _sources)
        {
            var dataset = source.Dataset;
            var built = (await source.ReadAsync(day, cancellationToken))
                .Select(row => suppression.Apply(dataset, row))
                .Select(row => new StoredExtractRow(ExtractRowCodec.TenantOf(dataset, row), ExtractRowCodec.Encode(dataset, row)))
                .ToList();
            await store.SaveAsync(dataset.Name, day.Date, clock.GetUtcNow(), built, cancellationToken);
            rows += built.Count;
        }
        return rows;
    }
}
