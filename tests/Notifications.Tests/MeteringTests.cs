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

    private static DateTimeOffset ThisMonth => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, QuebecDate.Zone);

    private async Task<Dictionary<(string, string), long>> Counts()
    {
        var now = ThisMonth;
        var lines = await fixture.Worker.GetRequiredService<MeteringQuery>().ForMonthAsync(now.Year, now.Month);
        return lines.Where(l => l.TenantId == DemoSeed.MontrealRegion).ToDictionary(l => (l.Category, l.Channel), l => l.Messages);
    }

    [Fact]
    public async Task Bulk_offers_are_counted_apart_from_transactional_messages_per_channel()
    {
        var before = await Counts();
        var byEmail = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        var bySms = await fixture.Bookings.BookAsync(TestBookings.Citizen(email: false));
        await fixture.Worker.GetRequiredService<NotificationOutbox>().EnqueueBulkOfferAsync([byEmail.Id, bySms.Id]);
        foreach (var booking in new[] { byEmail, bySms })
            await fixture.WaitFor(booking.Id, m => m.Count == 2 && m.All(x => x.SentAt is not null), "both messages sent");

        var after = await Counts();
        long Delta(string category, string channel) => after.GetValueOrDefault((category, channel)) - before.GetValueOrDefault((category, channel));
        Assert.Equal(1, Delta("transactional", "email"));
        Assert.Equal(1, Delta("transactional", "sms"));
        Assert.Equal(1, Delta("bulk", "email"));
        Assert.Equal(1, Delta("bulk", "sms"));

        var csv = await RunTool("metering", "--month", $"{ThisMonth:yyyy-MM}");
        Assert.Equal("tenant_id,tenant,month,category,channel,messages", csv[0]);
        Assert.Contains(csv, line => line.StartsWith($"{DemoSeed.MontrealRegion},", StringComparison.Ordinal)
                                     && line.EndsWith($",bulk,email,{after[("bulk", "email")]}", StringComparison.Ordinal));
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

    private static string ToolAssembly() => BuiltAssembly.Path("Booking.Tool", "Booking.Tool");
}
