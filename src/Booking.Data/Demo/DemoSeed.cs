using Booking.Data.Infrastructure;
using Npgsql;

namespace Booking.Data.Demo;

/// <summary>
/// The demo tenant hierarchy a new user books against: two health regions under a ministry, six clinics in
/// Montréal, Laval and Québec City, three services, schedule templates for the next 30 days, screening questions and
/// a COVID-19 campaign (see <see cref="DemoCitizenServices"/>). Fixed ids so
/// load scenarios and docs can name them. Idempotent, except that a later run extends the schedules to 30 days
/// from that day, so the demo never runs out of slots.
/// </summary>
public sealed class DemoSeed(NpgsqlDataSource dataSource)
{
    public static readonly Guid Ministry = new("a0000000-0000-4000-8000-000000000000");
    public static readonly Guid MontrealRegion = new("a0000000-0000-4000-8000-000000000001");
    public static readonly Guid QuebecRegion = new("a0000000-0000-4000-8000-000000000002");
    public static readonly Guid StadeOlympique = Location(1);

    public static Guid Location(int n) => new($"10000000-0000-4000-8000-{n:000000000000}");

    private static readonly (Guid Id, Guid Tenant, string Name, string Address, string City, string PostalCode, double Lat, double Lon)[] Clinics =
    [
        (Location(1), MontrealRegion, "Stade olympique", "4545, avenue Pierre-De Coubertin", "Montréal", "H1V3N7", 45.5579, -73.5516),
        (Location(2), MontrealRegion, "Palais des congrès de Montréal", "1001, place Jean-Paul-Riopelle", "Montréal", "H2Z1H2", 45.5040, -73.5610),
        (Location(3), MontrealRegion, "CLSC du Plateau-Mont-Royal", "4625, avenue De Lorimier", "Montréal", "H2H2B4", 45.5335, -73.5790),
        (Location(4), MontrealRegion, "Centre Laval", "1600, boulevard Le Corbusier", "Laval", "H7S1Y9", 45.5594, -73.7226),
        (Location(5), QuebecRegion, "ExpoCité", "250, boulevard Wilfrid-Hamel", "Québec", "G1L5A7", 46.8306, -71.2466),
        (Location(6), QuebecRegion, "CLSC de la Haute-Ville", "55, chemin Sainte-Foy", "Québec", "G1R1S9", 46.8072, -71.2198),
    ];

    private static readonly (string Code, string Fr, string En, int Minutes, int? MinAge, string? IntervalService, int? IntervalDays)[] Services =
    [
        ("COVID19", "Vaccin contre la COVID-19", "COVID-19 vaccine", 10, 0, "COVID19", 90),
        ("FLU", "Vaccin contre l'influenza (grippe)", "Influenza (flu) vaccine", 10, 0, "FLU", 150),
        ("BLOOD", "Prélèvement sanguin", "Blood test", 15, null, null, null),
    ];

    private static readonly (string Code, string Fr, string En)[] Preparations =
    [
        ("COVID19", "votre carte d'assurance maladie et votre carnet de vaccination; portez un vêtement à manches courtes.",
            "your health insurance card and vaccination record; wear a short-sleeved top."),
        ("FLU", "votre carte d'assurance maladie; portez un vêtement à manches courtes.",
            "your health insurance card; wear a short-sleeved top."),
        ("BLOOD", "votre carte d'assurance maladie et la requête de votre médecin; restez à jeun 12 heures si on vous l'a demandé.",
            "your health insurance card and your doctor's request; fast for 12 hours if you were asked to."),
    ];

    // (clinic, service, weekdays capacity, weekend capacity); 0 = not offered then.
    private static readonly (int Clinic, string Service, int Weekdays, int Weekends)[] Offer =
    [
        (1, "COVID19", 20, 12), (1, "FLU", 12, 8),
        (2, "COVID19", 10, 6), (2, "FLU", 8, 4),
        (3, "FLU", 3, 0), (3, "BLOOD", 3, 0),
        (4, "COVID19", 8, 4), (4, "FLU", 6, 4),
        (5, "COVID19", 12, 6), (5, "FLU", 8, 4),
        (6, "FLU", 3, 0), (6, "BLOOD", 2, 0),
    ];

    public async Task ApplyAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await connection.ExecuteNpgsqlAsync("""
            insert into tenants (id, parent_id, name) values
                (@ministry, null, 'Ministère de la Santé (démo)'),
                (@montreal, @ministry, 'CIUSSS du Centre-Sud-de-l''Île-de-Montréal (démo)'),
                (@quebec, @ministry, 'CIUSSS de la Capitale-Nationale (démo)')
            on conflict (id) do nothing
            """, cancellationToken, ("ministry", Ministry), ("montreal", MontrealRegion), ("quebec", QuebecRegion));

        foreach (var s in Services.OrderBy(s => s.IntervalService == s.Code ? 0 : 1))
            await connection.ExecuteNpgsqlAsync("""
                insert into services (code, name_fr, name_en, duration_minutes, min_age_years, min_interval_service, min_interval_days)
                values (@code, @fr, @en, @minutes, @minAge, null, null)
                on conflict (code) do nothing;
                update services set min_interval_service = @intervalService, min_interval_days = @intervalDays
                where code = @code and min_interval_service is null and @intervalService::text is not null;
                """, cancellationToken, ("code", s.Code), ("fr", s.Fr), ("en", s.En), ("minutes", s.Minutes),
                ("minAge", (object?)s.MinAge ?? DBNull.Value), ("intervalService", (object?)s.IntervalService ?? DBNull.Value),
                ("intervalDays", (object?)s.IntervalDays ?? DBNull.Value));

        foreach (var p in Preparations)
            await connection.ExecuteNpgsqlAsync("""
                update services set preparation_fr = @fr, preparation_en = @en where code = @code and preparation_fr is null
                """, cancellationToken, ("code", p.Code), ("fr", p.Fr), ("en", p.En));

        foreach (var c in Clinics)
            await connection.ExecuteNpgsqlAsync("""
                insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude)
                values (@id, @tenant, @name, @address, @city, @postalCode, @lat, @lon)
                on conflict (id) do nothing
                """, cancellationToken, ("id", c.Id), ("tenant", c.Tenant), ("name", c.Name), ("address", c.Address),
                ("city", c.City), ("postalCode", c.PostalCode), ("lat", c.Lat), ("lon", c.Lon));

        foreach (var (clinic, service, _, _) in Offer)
            await connection.ExecuteNpgsqlAsync("""
                insert into location_services (location_id, service_code) values (@location, @service) on conflict do nothing
                """, cancellationToken, ("location", Location(clinic)), ("service", service));

        foreach (var (clinic, service, weekdays, weekends) in Offer)
            foreach (var weekend in new[] { false, true })
            {
                var capacity = weekend ? weekends : weekdays;
                if (capacity == 0)
                    continue;
                var (opens, closes, minutes) = service == "BLOOD" ? (new TimeOnly(7, 0), new TimeOnly(12, 0), 15)
                    : weekend ? (new TimeOnly(9, 0), new TimeOnly(17, 0), 10) : (new TimeOnly(8, 0), new TimeOnly(20, 0), 10);
                var template = WeeklyTemplateId(clinic, service, weekend);
                await connection.ExecuteNpgsqlAsync("""
                    insert into weekly_templates (id, location_id, service_code, slot_minutes, capacity, valid_from, valid_until)
                    values (@id, @location, @service, @minutes, @capacity, @from, @until)
                    on conflict (id) do update set valid_until = greatest(weekly_templates.valid_until, excluded.valid_until)
                    """, cancellationToken, ("id", template), ("location", Location(clinic)), ("service", service), ("minutes", minutes),
                    ("capacity", capacity), ("from", today), ("until", today.AddDays(30)));
                foreach (var isoDay in weekend ? [6, 7] : new[] { 1, 2, 3, 4, 5 })
                    await connection.ExecuteNpgsqlAsync("""
                        insert into weekly_template_hours (id, weekly_template_id, iso_weekday, opens_at, closes_at)
                        values (@id, @template, @isoDay, @opens, @closes)
                        on conflict (id) do nothing
                        """, cancellationToken, ("id", HoursId(clinic, service, isoDay)), ("template", template), ("isoDay", (short)isoDay),
                        ("opens", opens), ("closes", closes));
            }

        await DemoCitizenServices.ApplyAsync(connection, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // Deterministic so a second run finds the same rows.
    private static Guid WeeklyTemplateId(int clinic, string service, bool weekend) =>
        new($"21000000-0000-4000-{clinic:0000}-{(weekend ? 1 : 0):0000}{Array.FindIndex(Services, s => s.Code == service):00000000}");

    private static Guid HoursId(int clinic, string service, int isoDay) =>
        new($"20000000-0000-4000-{clinic:0000}-{isoDay:0000}{Array.FindIndex(Services, s => s.Code == service):00000000}");
}
