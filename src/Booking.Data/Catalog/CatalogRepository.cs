using Booking.Domain.Campaigns;
using Booking.Domain.Catalog;
using Booking.Domain.Scheduling;
using Booking.Domain.Screening;
using Dapper;
using Npgsql;

namespace Booking.Data.Catalog;

/// <summary>Reads the reference data the engine needs: services, clinics and their schedules.</summary>
public sealed class CatalogRepository(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Service>> ServicesAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select code, name_fr, name_en, duration_minutes, min_age_years, max_age_years,
                   min_interval_service, min_interval_days
            from services order by code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ServiceRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToService()).ToList();
    }

    /// <summary>What to bring, per service code, in French and English (null when the service says nothing).</summary>
    public async Task<IReadOnlyDictionary<string, (string? Fr, string? En)>> PreparationsAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "select code, preparation_fr, preparation_en from services";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, string? Fr, string? En)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Code, r => (r.Fr, r.En));
    }

    /// <summary>The active screening questions of every service, in the order they are asked.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ScreeningQuestion>>> ScreeningQuestionsAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select service_code, id, version, position, text_fr, text_en, blocking_answer, explanation_fr, explanation_en
            from screening_questions where active order by service_code, position, id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScreeningQuestionRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.service_code)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ScreeningQuestion>)g.Select(r => r.ToQuestion()).ToList());
    }

    public async Task<IReadOnlyList<Campaign>> CampaignsAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select c.id, c.service_code, c.name_fr, c.name_en, c.opens_at, c.closes_at, c.tenant_id, c.waiting_room, c.admissions_per_minute,
                   array_agg(g.group_code order by g.group_code), array_agg(g.opens_at order by g.group_code)
            from campaigns c join campaign_groups g on g.campaign_id = c.id
            group by c.id
            order by c.service_code, c.opens_at, c.id
            """;
        // Read with Npgsql: Dapper cannot materialise arrays into a constructor parameter.
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var campaigns = new List<Campaign>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var groups = reader.GetFieldValue<string[]>(9).Zip(reader.GetFieldValue<DateTime?[]>(10),
                (code, opens) => new CampaignGroup(code, opens is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null)).ToList();
            campaigns.Add(new Campaign(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), groups,
                reader.GetGuid(6), reader.GetBoolean(7), reader.GetInt32(8)));
        }
        return campaigns;
    }

    /// <summary>The catalogue's revision, bumped by every change of what citizens are offered (see migration 0021).</summary>
    public async Task<long> RevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("select revision from catalogue_revision", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Location>> LocationsAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id, tenant_id, name, address, city, postal_code, latitude, longitude, time_zone, is_open, notes_fr, notes_en
            from locations order by name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<LocationRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLocation()).ToList();
    }

    public async Task<Location?> LocationAsync(Guid locationId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id, tenant_id, name, address, city, postal_code, latitude, longitude, time_zone, is_open, notes_fr, notes_en
            from locations where id = @locationId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LocationRow>(new CommandDefinition(sql, new { locationId }, cancellationToken: cancellationToken));
        return row?.ToLocation();
    }

    /// <summary>How many walk-ins a slot of the clinic may take beyond its seats (its policy; 0 for an unknown clinic).</summary>
    public async Task<int> WalkInExtraSeatsAsync(Guid locationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "select walk_in_extra_seats from locations where id = @locationId", new { locationId }, cancellationToken: cancellationToken)) ?? 0;
    }

    /// <summary>The template lines and exceptions of a clinic that can affect the dates from <paramref name="from"/> to
    /// <paramref name="until"/> (inclusive), in one round trip; the slot engine picks each date's own.</summary>
    public async Task<LocationSchedule> ScheduleAsync(Location location, DateOnly from, DateOnly until, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select w.service_code, h.iso_weekday, h.opens_at, h.closes_at, w.slot_minutes, w.capacity, w.valid_from, w.valid_until
            from weekly_templates w join weekly_template_hours h on h.weekly_template_id = w.id
            where w.location_id = @locationId and w.valid_from <= @until and (w.valid_until is null or w.valid_until >= @from);

            select service_code, on_date, kind, opens_at, closes_at, slot_minutes, capacity
            from schedule_exceptions
            where location_id = @locationId and on_date between @from and @until;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { locationId = location.Id, from, until },
            cancellationToken: cancellationToken));
        var template = (await results.ReadAsync<TemplateRow>()).Select(r => r.ToOpening()).ToList();
        var exceptions = (await results.ReadAsync<ExceptionRow>()).Select(r => r.ToException()).ToList();
        return new LocationSchedule(location.TimeZone, template, exceptions);
    }

    /// <summary>The template lines and exceptions of a clinic that can affect <paramref name="date"/>.</summary>
    public Task<LocationSchedule> ScheduleAsync(Location location, DateOnly date, CancellationToken cancellationToken = default) =>
        ScheduleAsync(location, date, date, cancellationToken);

    /// <summary>Clinics that may offer <paramref name="serviceCode"/> on <paramref name="date"/> (a template line or
    /// extra hours); the availability index wakes their inventory grains.</summary>
    public async Task<IReadOnlyList<Guid>> LocationsOfferingAsync(string serviceCode, DateOnly date, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select w.location_id from weekly_templates w join weekly_template_hours h on h.weekly_template_id = w.id
            where w.service_code = @serviceCode and h.iso_weekday = @isoWeekday
              and w.valid_from <= @date and (w.valid_until is null or w.valid_until >= @date)
            union
            select location_id from schedule_exceptions
            where service_code = @serviceCode and on_date = @date and kind = 'extra_hours'
            """;
        var isoWeekday = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { serviceCode, isoWeekday, date }, cancellationToken: cancellationToken));
        return ids.ToList();
    }

    private sealed record ServiceRow(string code, string name_fr, string name_en, int duration_minutes, int? min_age_years,
        int? max_age_years, string? min_interval_service, int? min_interval_days)
    {
        public Service ToService() => new(code, name_fr, name_en, duration_minutes, new EligibilityRule(min_age_years, max_age_years,
            min_interval_service is null ? null : new MinimumInterval(min_interval_service, min_interval_days!.Value)));
    }

    private sealed record ScreeningQuestionRow(string service_code, string id, int version, int position, string text_fr, string text_en,
        bool? blocking_answer, string? explanation_fr, string? explanation_en)
    {
        public ScreeningQuestion ToQuestion() => new(id, version, position, text_fr, text_en, blocking_answer, explanation_fr, explanation_en);
    }

    private sealed record LocationRow(Guid id, Guid tenant_id, string name, string address, string city, string postal_code,
        double latitude, double longitude, string time_zone, bool is_open, string notes_fr, string notes_en)
    {
        public Location ToLocation() =>
            new(id, tenant_id, name, address, city, postal_code, new GeoPoint(latitude, longitude), time_zone)
            { IsOpen = is_open, NotesFr = notes_fr, NotesEn = notes_en };
    }

    private sealed record TemplateRow(string service_code, short iso_weekday, TimeOnly opens_at, TimeOnly closes_at, int slot_minutes,
        int capacity, DateOnly valid_from, DateOnly? valid_until)
    {
        public WeeklyOpening ToOpening() =>
            new(service_code, (DayOfWeek)(iso_weekday % 7), opens_at, closes_at, slot_minutes, capacity, valid_from, valid_until);
    }

    private sealed record ExceptionRow(string? service_code, DateOnly on_date, string kind, TimeOnly? opens_at, TimeOnly? closes_at,
        int? slot_minutes, int? capacity)
    {
        public ScheduleException ToException() =>
            new(service_code, on_date, ScheduleExceptionKinds.Parse(kind), opens_at, closes_at, slot_minutes, capacity);
    }
}
