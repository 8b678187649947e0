using System.Text;
using Booking.Data.Demo;
using Booking.Reporting.Access;
using Booking.Reporting.Datasets;

namespace Booking.Reporting.Tests;

/// <summary>Downloads as a reader over a tenant's subtree would get them, and the CSV read back by a plain RFC 4180
/// parser (quoted fields, doubled quotes, CRLF).</summary>
public sealed class ExtractFiles(ExtractScenario scenario)
{
    public async Task<ExtractFile> DownloadAsync(string dataset, DateOnly day, ExtractFormat format, Guid? over = null)
    {
        var downloads = scenario.Service<ExtractDownloads>();
        var file = await downloads.DownloadAsync("tests", downloads.Dataset(dataset)!, day, format, await SubtreeAsync(over ?? DemoSeed.Ministry), null);
        Assert.NotNull(file);
        return file;
    }

    public async Task<IReadOnlyList<Dictionary<string, string>>> RowsAsync(string dataset, DateOnly day, Guid? over = null) =>
        Parse((await DownloadAsync(dataset, day, ExtractFormat.Csv, over)).Content);

    /// <summary>The tenant and every tenant below it, as the staff site's scope lists them.</summary>
    public async Task<IReadOnlyList<Guid>> SubtreeAsync(Guid tenant) => await scenario.Database.ScalarAsync<Guid[]>("""
        with recursive t (id) as (select @tenant::uuid union select x.id from tenants x join t on x.parent_id = t.id)
        select array_agg(id) from t
        """, ("tenant", tenant));

    public static IReadOnlyList<Dictionary<string, string>> Parse(byte[] csv)
    {
        var records = Records(Encoding.UTF8.GetString(csv)).ToList();
        var header = records[0];
        return records.Skip(1).Select(values => header.Zip(values).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n', "a bare line break outside quotes: not RFC 4180");
                field.Append(c);
            }
        }
        Assert.True(field.Length == 0 && record.Count == 0, "the last record must end with CRLF");
    }

    public static IReadOnlyList<string> Names(ExtractDataset dataset) => dataset.Fields.Select(f => f.Name).ToList();
}
