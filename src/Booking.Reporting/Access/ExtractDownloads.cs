using System.Net;
using Booking.Data.Reporting;
using Booking.Reporting.Building;
using Booking.Reporting.Datasets;
using Booking.Reporting.Formats;

namespace Booking.Reporting.Access;

/// <summary>A built partition as a file, for a reader over some tenants.</summary>
public sealed record ExtractFile(string FileName, string ContentType, byte[] Content, int RowCount);

/// <summary>
/// Serves built partitions to whoever the caller has already authorised (a staff page, the machine API): only the
/// rows of <c>tenantIds</c>, in the format asked for, and logs each download (who, what, over which tenants, how many
/// rows) before handing it over. A partition not built yet is <c>null</c>.
/// </summary>
public sealed class ExtractDownloads(ExtractBuilder builder, ExtractStore store)
{
    public IReadOnlyList<ExtractDataset> Datasets => builder.Datasets;

    public ExtractDataset? Dataset(string name) => builder.Datasets.FirstOrDefault(d => d.Name == name);

    /// <param name="actor"><c>staff:&lt;id&gt;</c> or <c>client:&lt;id&gt;</c>, as the download log names it.</param>
    /// <param name="tenantIds">Every tenant the reader holds (a subtree listed whole). Rows of no tenant (complaints)
    /// are given only to a reader over a top-level tenant.</param>
    public async Task<ExtractFile?> DownloadAsync(string actor, ExtractDataset dataset, DateOnly day, ExtractFormat format,
        IReadOnlyCollection<Guid> tenantIds, IPAddress? sourceIp, CancellationToken cancellationToken = default)
    {
        if (format == ExtractFormat.Dictionary)
        {
            await store.RecordDownloadAsync(actor, dataset.Name, day, format.Code(), tenantIds, dataset.Fields.Count, sourceIp, cancellationToken);
            return new ExtractFile(format.FileName(dataset.Name, day), format.ContentType(), DataDictionary.Write(dataset), dataset.Fields.Count);
        }
        var built = await store.PartitionsAsync(day, day, cancellationToken);
        if (!built.Any(p => p.Dataset == dataset.Name))
            return null;
        var withUntenanted = await store.HoldsTopLevelTenantAsync(tenantIds, cancellationToken);
        var rows = (await store.RowsAsync(dataset.Name, day, tenantIds, withUntenanted, cancellationToken))
            .Select(json => ExtractRowCodec.Decode(dataset, json)).ToList();
        var content = format == ExtractFormat.Parquet
            ? await ParquetExtractWriter.WriteAsync(dataset, rows, cancellationToken)
            : CsvExtractWriter.Write(dataset.Fields, rows);
        await store.RecordDownloadAsync(actor, dataset.Name, day, format.Code(), tenantIds, rows.Count, sourceIp, cancellationToken);
        return new ExtractFile(format.FileName(dataset.Name, day), format.ContentType(), content, rows.Count);
    }
}
