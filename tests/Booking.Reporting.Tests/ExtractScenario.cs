using Booking.Data.Bookings;
using Booking.Data.ClinicDay;
using Booking.Data.Demo;
using Booking.Data.Infrastructure;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Data.WaitingRooms;
using Booking.Domain.Bookings;
using Booking.Domain.Citizens;
using Booking.Domain.Scheduling;
using Booking.Domain.WaitingRooms;
using Booking.Reporting.Building;
using Booking.Reporting.Datasets;
using Booking.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Reporting.Tests;

/// <summary>
/// A seeded scenario whose extracts are known exactly, built once: on one weekday, clinic A (Montréal region, FLU
/// 09:00–10:00, 10-minute slots of 2 seats: 6 slots, 12 seats) has 7 bookings, one moved within the day and one
/// cancelled; clinic B (Québec region, same schedule) has 2. Today, a correction request about one of A's bookings, six
/// access requests staff record about another (five waiting, one answered) and one complaint arrive. That day at 08:00 a campaign opens behind a waiting room letting 60 a minute through: 40
/// visitors arrive at once, 5 go straight through and the others one a second, and 30 of the 40 come back for their
/// pass; a host's own room lets 3 visitors through. The extracts are built by the code the worker runs, over the
/// reporting connection.
/// </summary>
public sealed class ExtractScenario : IAsyncLifetime
{
    public const string CitizenSurname = "Extraitpersonne";

    /// <summary>Every scenario citizen's health-card number starts so (four letters, then eight digits).</summary>
    public const string HealthCardPrefix = "EXTP";

    /// <summary>Every scenario citizen's phone number.</summary>
    public const string CitizenPhone = "+15145550143";

    /// <summary>The scenario citizens' birth dates: the 3rd of February of a year from 1961 on, one year per citizen.</summary>
    public IEnumerable<DateOnly> BirthDates => Enumerable.Range(1, _citizen).Select(n => new DateOnly(1960 + n, 2, 3));

    /// <summary>The area of citizen <paramref name="n"/>'s postal code, in turn: an urban one, a rural one, none given.</summary>
    public static string? FsaOf(int n) => (n % 3) switch { 1 => "H2X", 2 => "G0A", _ => null };

    private readonly string _keyFile = TestKeyFile.Create();

    /// <summary>The key file the scenario's services read, for a tool run against its database.</summary>
    public string KeyFile => _keyFile;
    private ServiceProvider _services = null!;
    private int _citizen;

    public PostgresDatabase Database { get; } = new();
    public Guid ClinicA { get; } = Guid.CreateVersion7();
    public Guid ClinicB { get; } = Guid.CreateVersion7();
    public string ClinicAName { get; } = $"Clinique A {Guid.NewGuid():N}"[..22];
    public string ClinicBName { get; } = $"Clinique B {Guid.NewGuid():N}"[..22];
    public Guid Campaign { get; } = Guid.CreateVersion7();
    public string CampaignRoom => $"campaign-{Campaign:N}"[..30];
    public string HostRoom { get; } = $"room-{Guid.NewGuid():N}"[..20];

    /// <summary>The bookings' day, a weekday ahead, whatever today is.</summary>
    public DateOnly Day { get; } = QuebecDate.NextWeekday(10);

    /// <summary>Today in Québec as the database saw it when the scenario was seeded (messages and requests are dated by it).</summary>
    public DateOnly Today { get; private set; }

    public IServiceProvider Services => _services;
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Booking"] = Database.ConnectionString,
            // Its own pool, as production's replica would be; the same database here.
            ["ConnectionStrings:BookingReporting"] = Database.ConnectionString + ";Application Name=reporting",
            ["Booking:DataProtection:KeyFile"] = _keyFile,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(TestClock.Provider);
        services.AddBookingData(configuration);
        services.AddBookingProtection(configuration);
        services.AddMinistryExtracts(configuration);
        services.AddSingleton<ExtractMetrics>();
        services.AddSingleton<ExtractJob>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await AddClinicAsync(ClinicA, DemoSeed.MontrealRegion, ClinicAName);
        await AddClinicAsync(ClinicB, DemoSeed.QuebecRegion, ClinicBName);
        await SeedAsync();
        await SeedWaitingRoomsAsync();
        Today = await Database.ScalarAsync<DateOnly>("select (now() at time zone 'America/Montreal')::date");
        var builder = Service<ExtractBuilder>();
        await builder.BuildAsync(ExtractDay.Of(Day));
        if (Today != Day)
            await builder.BuildAsync(ExtractDay.Of(Today));
    }

    private async Task SeedAsync()
    {
        var repository = Service<BookingRepository>();
        var a = new List<NewBooking>();
        foreach (var (minute, seat, channel) in new[]
                 {
                     (0, 0, BookingChannel.Web), (0, 1, BookingChannel.Agent), (10, 0, BookingChannel.Web), (10, 1, BookingChannel.WalkIn),
                     (20, 0, BookingChannel.Web), (20, 1, BookingChannel.Web), (30, 0, BookingChannel.Web),
                 })
            a.Add(await BookAsync(ClinicA, DemoSeed.MontrealRegion, minute, seat, channel));
        await BookAsync(ClinicB, DemoSeed.QuebecRegion, 0, 0);
        await BookAsync(ClinicB, DemoSeed.QuebecRegion, 0, 1);

        Assert.True(await repository.CancelAsync(a[6].Id, 1));
        var moveTo = At(40);
        Assert.Equal(MoveOutcome.Moved, await repository.MoveAsync(a[5].Id, 1, ClinicA, new Slot("FLU", moveTo, moveTo.AddMinutes(10), 2), 0,
            "hold-" + Guid.NewGuid().ToString("N")));

        // The 09:00 web booking came; the 10:00 one did not (marked once its slot had started).
        var desk = Service<ClinicDayRepository>();
        Assert.IsType<AttendanceOutcome.Marked>(await desk.CheckInAsync(ClinicA, a[0].Id, At(0).AddMinutes(-5), "staff:extract-scenario", null));
        Assert.IsType<AttendanceOutcome.Marked>(await desk.MarkNoShowAsync(ClinicA, a[2].Id, At(25), "staff:extract-scenario", null));

        var protector = Service<PersonalDataProtector>();
        var privacy = Service<PrivacyRequestRepository>();
        await privacy.AddCorrectionAsync(a[0].Id, protector.Seal("corriger mon nom", "correction"), "tests", null);
        await privacy.AddComplaintAsync($"P-{Guid.NewGuid():N}"[..12], protector.Seal("plainte", "complaint"), "tests", null);
        await Database.ScalarAsync<int>("""
            with officer as (
                insert into staff_users (id, tenant_id, display_name, must_change_password, user_name, email, email_confirmed,
                                         phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, language)
                values (@officer, @tenant, 'Responsable', false, @email, @email, true, false, false, true, 0, 'fr')
                returning id)
            insert into access_requests (id, booking_id, channel, received_at, recorded_by, form_key, ciphertext, encryption_key_id, status,
                                         answered_at, answered_by, answer_ciphertext, answer_key_id)
            select gen_random_uuid(), @booking, 'phone', now(), o.id, gen_random_uuid(), '\x00', 'k', case when n = 6 then 'answered' else 'received' end,
                   case when n = 6 then now() end, case when n = 6 then o.id end, case when n = 6 then '\x00'::bytea end, case when n = 6 then 'k' end
            from officer o cross join generate_series(1, 6) n
            returning 1
            """, ("officer", Guid.CreateVersion7()), ("tenant", DemoSeed.MontrealRegion), ("email", $"responsable-{Guid.NewGuid():N}@test.example"),
            ("booking", a[1].Id));
    }

    /// <summary>The rooms' days as their grains count and save them: the same queue and statistics, fed the scenario's visitors.</summary>
    private async Task SeedWaitingRoomsAsync()
    {
        var opening = QuebecDate.At(Day, 8);
        await Database.ScalarAsync<int>("""
            insert into campaigns (id, service_code, name_fr, name_en, opens_at, tenant_id, waiting_room, admissions_per_minute)
            values (@id, 'COVID19', 'Campagne de la salle', 'Waiting room campaign', @opens, @tenant, true, 60) returning 1
            """, ("id", Campaign), ("opens", opening.ToUniversalTime()), ("tenant", DemoSeed.MontrealRegion));
        var days = Service<WaitingRoomDayRepository>();
        await days.SaveAsync(Run(CampaignRoom, visitors: 40, perMinute: 60, comeBack: 30));
        await days.SaveAsync(Run(HostRoom, visitors: 3, perMinute: 600, comeBack: 3));

        WaitingRoomFigures Run(string room, int visitors, int perMinute, int comeBack)
        {
            var queue = new AdmissionQueue(opening);
            var statistics = new WaitingRoomStatistics(room);
            for (var i = 0; i < visitors; i++)
            {
                statistics.Issued(queue.Issue(opening, perMinute), opening, perMinute);
                statistics.Moved(queue.Mark.Frontier, queue.Waiting, opening);
            }
            for (var second = 1; queue.Waiting > 0; second++)
            {
                var now = opening.AddSeconds(second);
                queue.Standing(visitors, now, perMinute);
                statistics.Moved(queue.Mark.Frontier, queue.Waiting, now);
            }
            for (var i = 0; i < comeBack; i++)
                statistics.PassCollected(opening.AddMinutes(1));
            return statistics.Current!;
        }
    }

    private async Task<NewBooking> BookAsync(Guid clinic, Guid tenant, int minute, int seat, string channel = BookingChannel.Web)
    {
        var n = Interlocked.Increment(ref _citizen);
        var citizen = new CitizenDetails($"Prénom{n}", CitizenSurname, new DateOnly(1960 + n, 2, 3), $"{HealthCardPrefix}{60 + n:D2}020399",
            $"personne{n}@example.org", CitizenPhone, "fr", EmailConsent: true, FsaOf(n));
        var protector = Service<PersonalDataProtector>();
        var start = At(minute);
        var booking = new NewBooking(Guid.CreateVersion7(), ConfirmationCode.New(), tenant, clinic, "FLU", start, start.AddMinutes(10), seat, 2,
            "hold-" + Guid.NewGuid().ToString("N"), null, protector.Seal(citizen, Day, tenant), protector.Seal(new BookingDeclarations([], []), tenant), TestClock.Now, null, Channel: channel);
        Assert.IsType<InsertOutcome.Inserted>(Assert.Single(await Service<BookingRepository>().InsertAsync([booking])));
        return booking;
    }

    private DateTimeOffset At(int minute) => QuebecDate.At(Day, 9).AddMinutes(minute);

    private Task<int> AddClinicAsync(Guid clinic, Guid tenant, string name) => Database.ScalarAsync<int>("""
        with l as (insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude)
                   values (@clinic, @tenant, @name, '1, rue des Extraits', 'Montréal', 'H2X 1Y4', 45.5, -73.6) returning id),
             w as (insert into weekly_templates (id, location_id, service_code, slot_minutes, capacity, valid_from)
                   select @template, id, 'FLU', 10, 2, @day from l returning id)
        insert into weekly_template_hours (id, weekly_template_id, iso_weekday, opens_at, closes_at)
        select @hours, id, @weekday, '09:00', '10:00' from w returning 1
        """, ("clinic", clinic), ("tenant", tenant), ("name", name), ("template", Guid.CreateVersion7()), ("hours", Guid.CreateVersion7()),
        ("day", Day), ("weekday", (short)(Day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)Day.DayOfWeek)));

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
        File.Delete(_keyFile);
    }
}
