using System.Diagnostics;
using Booking.Data.Demo;
using Booking.Data.Notifications;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Notifications.Tests;

/// <summary>Messages are counted per tenant, month, category and channel: bulk offers apart from transactional
/// messages, as the ministry bills them; the operator tool prints the same counts as CSV.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class MeteringTests(DeliveryFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Quiet();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The month now, Québec time, on the suite's clock (the database's, which dates the sends).</summary>
    private static DateTimeOffset ThisMonth => TimeZoneInfo.ConvertTime(TestClock.Now, QuebecDate.Zone);

    /// <summary>Counts over the months a test spans (two when it runs across the turn of a month).</summary>
    private async Task<Dictionary<(string, string), long>> Counts(IEnumerable<DateTimeOffset> months)
    {
        var counts = new Dictionary<(string, string), long>();
        foreach (var month in months.Select(m => (m.Year, m.Month)).Distinct())
            foreach (var line in await fixture.Worker.GetRequiredService<MeteringQuery>().ForMonthAsync(month.Year, month.Month))
                if (line.TenantId == DemoSeed.MontrealRegion)
                    counts[(line.Category, line.Channel)] = counts.GetValueOrDefault((line.Category, line.Channel)) + line.Messages;
        return counts;
    }

    [Fact]
    public async Task Bulk_offers_are_counted_apart_from_transactional_messages_per_channel()
    {
        var started = ThisMonth;
        var before = await Counts([started]);
        var byEmail = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        var bySms = await fixture.Bookings.BookAsync(TestBookings.Citizen(email: false));
        await fixture.Worker.GetRequiredService<NotificationOutbox>().EnqueueBulkOfferAsync([byEmail.Id, bySms.Id]);
        foreach (var booking in new[] { byEmail, bySms })
            await fixture.WaitFor(booking.Id, m => m.Count == 2 && m.All(x => x.SentAt is not null), "both messages sent");

        DateTimeOffset[] months = [started, ThisMonth];
        var after = await Counts(months);
        long Delta(string category, string channel) => after.GetValueOrDefault((category, channel)) - before.GetValueOrDefault((category, channel));
        Assert.Equal(1, Delta("transactional", "email"));
        Assert.Equal(1, Delta("transactional", "sms"));
        Assert.Equal(1, Delta("bulk", "email"));
        Assert.Equal(1, Delta("bulk", "sms"));

        long bulkEmailsInCsv = 0;
        foreach (var month in months.Select(m => $"{m:yyyy-MM}").Distinct())
        {
            var csv = await RunTool("metering", "--month", month);
            Assert.Equal("tenant_id,tenant,month,category,channel,messages", csv[0]);
            bulkEmailsInCsv += csv.Where(line => line.StartsWith($"{DemoSeed.MontrealRegion},", StringComparison.Ordinal)
                                                 && line.Contains(",bulk,email,", StringComparison.Ordinal))
                                  .Sum(line => long.Parse(line[(line.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(after[("bulk", "email")], bulkEmailsInCsv);
    }

    private async Task<string[]> RunTool(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [ToolAssembly(), .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__Booking"] = fixture.Database.ConnectionString;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string ToolAssembly() => HostProcess.BuiltAssembly("Booking.Tool");
}
