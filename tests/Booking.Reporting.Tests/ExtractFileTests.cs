using System.Diagnostics;
using System.Globalization;
using System.Text;
using Booking.Data.Reporting;
using Booking.Reporting.Access;
using Booking.Reporting.Building;
using Booking.Reporting.Datasets;
using Booking.Reporting.Formats;
using Booking.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Parquet;
using Parquet.Schema;

namespace Booking.Reporting.Tests;

/// <summary>What every extract file is: described by its dictionary, free of personal data, readable back as Parquet,
/// logged when downloaded; and the job that builds them.</summary>
public sealed class ExtractFileTests(ExtractScenario scenario) : IClassFixture<ExtractScenario>
{
    /// <summary>What would name, date, contact or identify a citizen, or tell what they answered.</summary>
    private static readonly string[] PersonalWords =
        ["name", "first", "last", "birth", "health_card", "card", "email", "mail", "phone", "contact", "address", "postal", "screening",
         "answer", "declaration", "citizen", "confirmation", "code", "fingerprint", "cipher", "ip", "language", "consent"];

    private readonly ExtractFiles _files = new(scenario);

    private IReadOnlyList<ExtractDataset> Datasets => scenario.Service<ExtractBuilder>().Datasets;

    public static TheoryData<string> DatasetNames() =>
        new(BookingsDataset.Name, CapacityDataset.Name, NotificationVolumesDataset.Name, PrivacyRequestsDataset.Name, WaitingRoomDataset.Name);

    [Theory]
    [MemberData(nameof(DatasetNames))]
    public async Task No_dataset_has_a_personal_column_and_its_files_match_its_dictionary(string name)
    {
        var dataset = Datasets.Single(d => d.Name == name);
        var dictionary = ExtractFiles.Parse((await _files.DownloadAsync(name, scenario.Day, ExtractFormat.Dictionary)).Content);

        Assert.Equal(ExtractFiles.Names(dataset), dictionary.Select(line => line["field"]));
        Assert.All(dictionary, line => Assert.False(string.IsNullOrWhiteSpace(line["meaning"]) || string.IsNullOrWhiteSpace(line["source"]), line["field"]));
        // A name here is a clinic's, a tenant's, a region's or a campaign's, never a person's: allowed by its full field name only.
        var allowedNames = new[] { "tenant_name", "region_name", "location_name", "campaign_name", "service_code" };
        foreach (var field in dictionary.Select(line => line["field"]).Except(allowedNames))
            Assert.DoesNotContain(PersonalWords, word => field.Split('_').Contains(word));
        foreach (var day in new[] { scenario.Day, scenario.Today })
        {
            var csv = await _files.DownloadAsync(name, day, ExtractFormat.Csv);
            var text = Encoding.UTF8.GetString(csv.Content);
            Assert.StartsWith(string.Join(',', ExtractFiles.Names(dataset)) + "\r\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ExtractScenario.CitizenSurname, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@example.org", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Prénom", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ExtractScenario.HealthCardPrefix, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ExtractScenario.CitizenPhone[2..], text, StringComparison.Ordinal);
            Assert.DoesNotContain(ExtractScenario.CitizenPhone[^7..], text, StringComparison.Ordinal);
            Assert.All(scenario.BirthDates, birth => Assert.DoesNotContain(birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(DatasetNames))]
    public async Task Parquet_files_read_back_with_the_csvs_rows(string name)
    {
        var dataset = Datasets.Single(d => d.Name == name);
        foreach (var day in new[] { scenario.Day, scenario.Today })
        {
            var csv = await _files.RowsAsync(name, day);
            var parquet = await _files.DownloadAsync(name, day, ExtractFormat.Parquet);

            // Read as an analyst's tool would: DATE as a date, TIME (ms) as its milliseconds since midnight.
            await using var reader = await ParquetReader.CreateAsync(new MemoryStream(parquet.Content), new ParquetOptions { UseDateOnlyTypeForDates = true });
            var fields = reader.Schema.GetDataFields();
            Assert.Equal(ExtractFiles.Names(dataset), fields.Select(f => f.Name));
            Assert.Equal(name, reader.CustomMetadata["dataset"]);
            using var group = reader.OpenRowGroupReader(0);
            Assert.Equal(csv.Count, group.RowCount);
            for (var i = 0; i < fields.Length; i++)
            {
                var values = await ReadColumnAsync(group, fields[i], dataset.Fields[i].Type);
                Assert.Equal(csv.Select(row => row[fields[i].Name]), values.Select(v => CsvExtractWriter.Format(dataset.Fields[i].Type, v)));
            }
        }
    }

    [Fact]
    public async Task Every_download_is_logged_with_who_what_and_over_which_tenants()
    {
        var before = await scenario.Database.ScalarAsync<long>("select count(*) from extract_downloads where actor = 'tests' and format = 'parquet'");

        var file = await _files.DownloadAsync(CapacityDataset.Name, scenario.Day, ExtractFormat.Parquet, over: Booking.Data.Demo.DemoSeed.QuebecRegion);

        Assert.Equal(before + 1, await scenario.Database.ScalarAsync<long>("select count(*) from extract_downloads where actor = 'tests' and format = 'parquet'"));
        var logged = await scenario.Database.ScalarAsync<string>("""
            select dataset || '|' || partition_date || '|' || row_count || '|' || (@quebec = any(tenant_ids)) || '|' || (@montreal = any(tenant_ids))
            from extract_downloads where actor = 'tests' and format = 'parquet' order by id desc limit 1
            """, ("quebec", Booking.Data.Demo.DemoSeed.QuebecRegion), ("montreal", Booking.Data.Demo.DemoSeed.MontrealRegion));
        Assert.Equal($"capacity|{scenario.Day:yyyy-MM-dd}|{file.RowCount}|true|false", logged);
    }

    [Fact]
    public async Task The_job_builds_yesterdays_partition_once_whatever_the_hour()
    {
        // Just after midnight in Québec, two days after the scenario's day: yesterday is the day after it, not built yet.
        var clock = new ManualClock(QuebecDate.At(scenario.Day.AddDays(2), 0, 5));
        var store = scenario.Service<ExtractStore>();
        var job = new ExtractJob(scenario.Service<ExtractBuilder>(), store, scenario.Service<ExtractMetrics>(),
            scenario.Service<IOptions<ExtractOptions>>(), clock, NullLogger<ExtractJob>.Instance);
        var yesterday = scenario.Day.AddDays(1);
        var runs = (await store.RecentRunsAsync(100)).Count(r => r.PartitionDate == yesterday);

        await job.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(23));
        await job.RunOnceAsync(CancellationToken.None);

        var built = Assert.Single(await store.RecentRunsAsync(100), r => r.PartitionDate == yesterday);
        Assert.Equal(0, runs);
        Assert.Equal("built", built.Outcome);
        Assert.Equal(Datasets.Count, (await store.PartitionsAsync(yesterday, yesterday)).Count);
        Assert.True(await store.NewestCompleteDayAsync(Datasets.Select(d => d.Name).ToList()) >= yesterday);
    }

    [Fact]
    public async Task An_operator_rebuilds_a_days_partition_with_the_tool_and_the_run_is_recorded()
    {
        var store = scenario.Service<ExtractStore>();
        var before = await store.PartitionsAsync(scenario.Day, scenario.Day);
        var start = new ProcessStartInfo("dotnet", [HostProcess.BuiltAssembly("Booking.Tool"), "build-extract", "--day", $"{scenario.Day:yyyy-MM-dd}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Booking"] = scenario.Database.ConnectionString;
        start.Environment["Booking__DataProtection__KeyFile"] = scenario.KeyFile;

        using var tool = Process.Start(start)!;
        var output = await tool.StandardOutput.ReadToEndAsync();
        var error = await tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();

        Assert.True(tool.ExitCode == 0, error);
        var after = await store.PartitionsAsync(scenario.Day, scenario.Day);
        var rows = after.Sum(p => p.RowCount);
        Assert.StartsWith($"day={scenario.Day:yyyy-MM-dd} rows={rows} seconds=", output.Trim());
        // Every dataset rebuilt whole, with the rows the scenario's own build found.
        Assert.Equal(before.Select(p => (p.Dataset, p.RowCount)).Order(), after.Select(p => (p.Dataset, p.RowCount)).Order());
        Assert.Contains(await store.RecentRunsAsync(100), r => r.PartitionDate == scenario.Day && r.Outcome == "built" && r.Detail == $"{rows} rows");
    }

    private static async Task<IReadOnlyList<object?>> ReadColumnAsync(ParquetRowGroupReader group, DataField field, FieldType type)
    {
        var count = (int)group.RowCount;
        switch (type)
        {
            case FieldType.Integer: { var v = new long?[count]; await group.ReadAsync<long>(field, v.AsMemory()); return v.Cast<object?>().ToList(); }
            case FieldType.Decimal: { var v = new double?[count]; await group.ReadAsync<double>(field, v.AsMemory()); return v.Cast<object?>().ToList(); }
            case FieldType.Boolean: { var v = new bool?[count]; await group.ReadAsync<bool>(field, v.AsMemory()); return v.Cast<object?>().ToList(); }
            case FieldType.Date: { var v = new DateOnly?[count]; await group.ReadAsync<DateOnly>(field, v.AsMemory()); return v.Cast<object?>().ToList(); }
            case FieldType.Time:
                {
                    var v = new int?[count];
                    await group.ReadAsync<int>(field, v.AsMemory());
                    return v.Select(ms => ms is { } m ? (object?)TimeOnly.FromTimeSpan(TimeSpan.FromMilliseconds(m)) : null).ToList();
                }
            case FieldType.Timestamp:
                {
                    var v = new DateTime?[count];
                    await group.ReadAsync<DateTime>(field, v.AsMemory());
                    return v.Select(t => t is { } utc ? (object?)new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null).ToList();
                }
            default: { var v = new string?[count]; await group.ReadAsync(field, v.AsMemory()); return v.Cast<object?>().ToList(); }
        }
    }
}
