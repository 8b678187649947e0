using System.Globalization;
using Booking.Data.Demo;
using Booking.Reporting.Datasets;
using Booking.Testing;

namespace Booking.Reporting.Tests;

/// <summary>The extracts of <see cref="ExtractScenario"/> hold exactly its numbers, per day and clinic, with small
/// cells suppressed.</summary>
public sealed class ExtractContentTests(ExtractScenario scenario) : IClassFixture<ExtractScenario>
{
    // Clinic A's bookings of the scenario's day by channel, sorted; the age bands of the scenario's people on the day.
    private static readonly string[] ScenarioChannels = ["agent", "walk-in", "web", "web", "web", "web", "web"];
    private static readonly string[] SixtiesOrLateFifties = ["50-59", "60-69"];

    // The areas of clinic A's citizens 1 to 7 and clinic B's 8 and 9 (ExtractScenario.FsaOf), sorted; empty when none was given.
    private static readonly string[] ClinicAAreas = ["", "", "G0A", "G0A", "H2X", "H2X", "H2X"];
    private static readonly string[] ClinicBAreas = ["", "G0A"];

    private readonly ExtractFiles _files = new(scenario);

    [Fact]
    public async Task Bookings_has_one_row_per_booking_of_the_day_with_its_timeline()
    {
        var rows = await _files.RowsAsync(BookingsDataset.Name, scenario.Day);

        var a = rows.Where(r => r["location_id"] == scenario.ClinicA.ToString()).ToList();
        var b = rows.Where(r => r["location_id"] == scenario.ClinicB.ToString()).ToList();
        Assert.Equal(9, a.Count + b.Count);
        Assert.Equal(6, a.Count(r => r["status"] == "confirmed"));
        Assert.Equal(1, a.Count(r => r["status"] == "cancelled"));
        Assert.Equal(2, b.Count(r => r["status"] == "confirmed"));
        Assert.All(a.Concat(b), r => Assert.Equal(scenario.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r["slot_date"]));
        Assert.All(a, r => Assert.Equal(DemoSeed.MontrealRegion.ToString(), r["tenant_id"]));
        Assert.All(b, r => Assert.Equal(DemoSeed.QuebecRegion.ToString(), r["tenant_id"]));
        var moved = Assert.Single(a, r => r["times_moved"] == "1");
        Assert.Equal("09:40:00", moved["slot_time"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", moved["moved_at"]);
        var cancelled = Assert.Single(a, r => r["status"] == "cancelled");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", cancelled["cancelled_at"]);
        Assert.All(a.Where(r => r != moved), r => Assert.Equal("0", r["times_moved"]));
        var came = Assert.Single(a, r => r["checked_in_at"] != "");
        Assert.Equal(("09:00:00", ""), (came["slot_time"], came["no_show_at"]));
        var absent = Assert.Single(a, r => r["no_show_at"] != "");
        Assert.Equal(("09:10:00", ""), (absent["slot_time"], absent["checked_in_at"]));
        Assert.Equal(ScenarioChannels, a.Select(r => r["channel"]).Order(StringComparer.Ordinal));
        Assert.All(b, r => Assert.Equal("web", r["channel"]));
        // The scenario's people are born on 3 February 1961 to 1969: in their sixties or late fifties on the day.
        Assert.All(a.Concat(b), r => Assert.Contains(r["age_band"], SixtiesOrLateFifties));
        Assert.Contains(a, r => r["age_band"] == "60-69");
        Assert.Equal(ClinicAAreas, a.Select(r => r["fsa"]).Order(StringComparer.Ordinal));
        Assert.Equal(ClinicBAreas, b.Select(r => r["fsa"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Capacity_counts_seats_offered_and_booked_per_clinic_and_suppresses_small_cells()
    {
        var rows = await _files.RowsAsync(CapacityDataset.Name, scenario.Day);

        var a = Assert.Single(rows, r => r["location_id"] == scenario.ClinicA.ToString());
        Assert.Equal(("FLU", "6", "12", "6"), (a["service_code"], a["slots"], a["seats_offered"], a["seats_booked"]));
        // One cancellation: under 5, so left empty, and the utilisation with it (the row's counts could be worked back).
        Assert.Equal(("", "", "true"), (a["bookings_cancelled"], a["utilisation"], a["suppressed"]));
        var b = Assert.Single(rows, r => r["location_id"] == scenario.ClinicB.ToString());
        Assert.Equal(("6", "12", "", "0", "", "true"), (b["slots"], b["seats_offered"], b["seats_booked"], b["bookings_cancelled"], b["utilisation"], b["suppressed"]));
        // The demo clinics offer seats that day and nobody booked them: zero points at nobody and is shown.
        Assert.Contains(rows, r => r["location_id"] == DemoSeed.StadeOlympique.ToString() && r["seats_booked"] == "0" && r["suppressed"] == "false"
                                   && r["utilisation"] == "0");
    }

    [Fact]
    public async Task Waiting_room_gives_each_openings_arrivals_admissions_and_waits_and_suppresses_a_small_room()
    {
        var rows = await _files.RowsAsync(WaitingRoomDataset.Name, scenario.Day);

        var opening = Assert.Single(rows, r => r["room"] == scenario.CampaignRoom);
        Assert.Equal((scenario.Campaign.ToString(), "Campagne de la salle", DemoSeed.MontrealRegion.ToString()),
            (opening["campaign_id"], opening["campaign_name"], opening["tenant_id"]));
        var eight = QuebecDate.At(scenario.Day, 8).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Assert.Equal((eight, eight, "60"), (opening["campaign_opens_at"], opening["opened_at"], opening["admissions_per_minute"]));
        // 40 arrive at once: 5 go straight through, the 35 others one a second (waits of 1 to 35 s); 10 never came back.
        Assert.Equal(("40", "40", "10", "35"), (opening["arrivals"], opening["admitted"], opening["left_before_pass"], opening["peak_waiting"]));
        Assert.Equal(("15", "31", "35"), (opening["median_wait_seconds"], opening["p90_wait_seconds"], opening["max_wait_seconds"]));
        Assert.Equal(("false", "false"), (opening["interrupted"], opening["suppressed"]));
        // Three visitors: their counts and waits could point at them. Zero (nobody left, nobody queued) is kept.
        var small = Assert.Single(rows, r => r["room"] == scenario.HostRoom);
        Assert.Equal(("", "", "", "0", "0", "", "", "", "true"), (small["campaign_id"], small["arrivals"], small["admitted"], small["left_before_pass"],
            small["peak_waiting"], small["median_wait_seconds"], small["p90_wait_seconds"], small["max_wait_seconds"], small["suppressed"]));
    }

    [Fact]
    public async Task Notification_volumes_count_the_days_messages_per_tenant_and_suppress_small_cells()
    {
        var rows = await _files.RowsAsync(NotificationVolumesDataset.Name, scenario.Today);

        // Montréal: 7 confirmations, 1 move and 1 cancellation queued, none sent yet. Québec: 2 confirmations.
        var montreal = Assert.Single(rows, r => r["tenant_id"] == DemoSeed.MontrealRegion.ToString());
        Assert.Equal(("transactional", "none", "queued", "9", "false"), (montreal["category"], montreal["channel"], montreal["outcome"], montreal["messages"], montreal["suppressed"]));
        var quebec = Assert.Single(rows, r => r["tenant_id"] == DemoSeed.QuebecRegion.ToString());
        Assert.Equal(("", "true"), (quebec["messages"], quebec["suppressed"]));
    }

    [Fact]
    public async Task Privacy_requests_are_counted_by_kind_and_status_and_suppressed_when_few()
    {
        var rows = await _files.RowsAsync(PrivacyRequestsDataset.Name, scenario.Today);

        var correction = Assert.Single(rows, r => r["kind"] == "correction");
        Assert.Equal((DemoSeed.MontrealRegion.ToString(), "received", "", "true"), (correction["tenant_id"], correction["status"], correction["requests"], correction["suppressed"]));
        var complaint = Assert.Single(rows, r => r["kind"] == "complaint");
        Assert.Equal(("", "received", "", "true"), (complaint["tenant_id"], complaint["status"], complaint["requests"], complaint["suppressed"]));
        // Access requests recorded by staff: five waiting, counted; one answered, too few to show.
        var access = rows.Where(r => r["kind"] == "access").OrderBy(r => r["status"], StringComparer.Ordinal)
            .Select(r => (r["tenant_id"], r["status"], r["requests"], r["suppressed"])).ToList();
        Assert.Equal([(DemoSeed.MontrealRegion.ToString(), "answered", "", "true"), (DemoSeed.MontrealRegion.ToString(), "received", "5", "false")], access);
    }

    [Fact]
    public async Task A_reader_over_a_region_gets_its_rows_only_and_complaints_only_over_the_top()
    {
        var quebecBookings = await _files.RowsAsync(BookingsDataset.Name, scenario.Day, over: DemoSeed.QuebecRegion);
        var quebecRequests = await _files.RowsAsync(PrivacyRequestsDataset.Name, scenario.Today, over: DemoSeed.QuebecRegion);
        var montrealRequests = await _files.RowsAsync(PrivacyRequestsDataset.Name, scenario.Today, over: DemoSeed.MontrealRegion);

        Assert.Equal(2, quebecBookings.Count);
        Assert.All(quebecBookings, r => Assert.Equal(scenario.ClinicB.ToString(), r["location_id"]));
        Assert.Empty(quebecRequests);
        Assert.Equal(["access", "correction"], montrealRequests.Select(r => r["kind"]).Distinct().Order(StringComparer.Ordinal));
    }
}
