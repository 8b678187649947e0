using Npgsql;

namespace Booking.Data.Reporting;

/// <summary>
/// What the ministry's datasets are made of, for one day, read through the reporting connection. Each query names its
/// columns as the dataset's fields (the extract builder checks the names against the dataset's definition on every
/// build). Nothing sealed is read, and no column that names, contacts or identifies a citizen is selected: these
/// queries write nothing to the personal-data access log because they read no personal data.
/// </summary>
public sealed class ExtractSourceQueries(ReportingDataSource reporting)
{
    /// <summary>Each tenant with its path from the top (<c>ancestors</c>) and its region: the tenant just below the
    /// top of its tree (none for a top-level tenant).</summary>
    private const string TenantTree = """
        tree (id, name, ancestors, region_id) as (
            select id, name, array[id], null::uuid from tenants where parent_id is null
            union all
            select t.id, t.name, tree.ancestors || t.id, coalesce(tree.region_id, t.id)
            from tenants t join tree on t.parent_id = tree.id)
        """;

    /// <summary>Bookings whose appointment falls on <paramref name="day"/> at their clinic (its time zone); the bounds
    /// a day wider on each side let the slot index narrow the scan before the exact local date is compared.</summary>
    private const string OnDay = """
        b.slot_start >= @from - interval '1 day' and b.slot_start < @to + interval '1 day'
        and (b.slot_start at time zone l.time_zone)::date = @day
        """;

    public async Task<ReportingTable> BookingsAsync(DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // A move is known by the message it queued in the same statement (a fallback SMS is the same move again);
        // the campaign is the one of the booking's service that was open when it was made, at its tenant or above.
        const string sql = $"""
            with recursive {TenantTree}
            select b.service_code, c.id as campaign_id, c.name_fr as campaign_name,
                   b.tenant_id, tree.name as tenant_name, r.name as region_name,
                   b.location_id, l.name as location_name,
                   (b.slot_start at time zone l.time_zone)::date as slot_date,
                   (b.slot_start at time zone l.time_zone)::time as slot_time,
                   b.status, b.created_at as booked_at, m.moves as times_moved, m.last_moved_at as moved_at, b.cancelled_at,
                   b.checked_in_at, b.no_show_at, b.channel, b.age_band, b.fsa
            from bookings b
            join locations l on l.id = b.location_id
            join tree on tree.id = b.tenant_id
            left join tenants r on r.id = tree.region_id
            left join lateral (
                select count(*) as moves, max(n.created_at) as last_moved_at from notifications n
                where n.booking_id = b.id and n.kind in ('BookingRescheduled', 'BookingMovedByClinic') and n.fallback_of is null) m on true
            left join lateral (
                select c.id, c.name_fr from campaigns c
                where c.service_code = b.service_code and c.tenant_id = any(tree.ancestors)
                  and c.opens_at <= b.created_at and (c.closes_at is null or c.closes_at > b.created_at)
                order by c.opens_at desc, c.id limit 1) c on true
            where {OnDay}
            order by b.location_id, b.slot_start, b.created_at, b.id
            """;
        return await ReadAsync(sql, day, from, to, cancellationToken);
    }

    /// <summary>Every clinic with its tenant and region, open or not (a closed clinic may still have had bookings).</summary>
    public async Task<ReportingTable> LocationsAsync(CancellationToken cancellationToken)
    {
        const string sql = $"""
            with recursive {TenantTree}
            select l.id as location_id, l.name as location_name, l.tenant_id, tree.name as tenant_name, r.name as region_name
            from locations l join tree on tree.id = l.tenant_id left join tenants r on r.id = tree.region_id
            order by l.name, l.id
            """;
        await using var command = reporting.DataSource.CreateCommand(sql);
        return await ReportingTable.ReadAsync(command, cancellationToken);
    }

    /// <summary>Bookings per clinic and service whose appointment falls on <paramref name="day"/>, live and cancelled.</summary>
    public async Task<ReportingTable> BookingCountsAsync(DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        const string sql = $"""
            select b.location_id, b.service_code,
                   count(*) filter (where b.status = 'confirmed') as seats_booked,
                   count(*) filter (where b.status = 'cancelled') as bookings_cancelled
            from bookings b join locations l on l.id = b.location_id
            where {OnDay}
            group by b.location_id, b.service_code
            """;
        return await ReadAsync(sql, day, from, to, cancellationToken);
    }

    /// <summary>Messages queued on <paramref name="day"/> (Québec time) per tenant, category, channel and where they
    /// stand now.</summary>
    public async Task<ReportingTable> NotificationVolumesAsync(DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        const string sql = $"""
            with recursive {TenantTree}
            select n.tenant_id, tree.name as tenant_name, r.name as region_name, n.category,
                   coalesce(n.channel, 'none') as channel, n.status as outcome, count(*) as messages
            from notifications n join tree on tree.id = n.tenant_id left join tenants r on r.id = tree.region_id
            where n.created_at >= @from and n.created_at < @to
            group by n.tenant_id, tree.name, r.name, n.category, coalesce(n.channel, 'none'), n.status
            order by tree.name, n.tenant_id, n.category, 5, n.status
            """;
        return await ReadAsync(sql, day, from, to, cancellationToken);
    }

    /// <summary>Privacy requests received on <paramref name="day"/> (Québec time) per tenant, kind and where they stand
    /// now. A correction or an access request belongs to its booking's tenant; a complaint to none.</summary>
    public async Task<ReportingTable> PrivacyRequestsAsync(DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        const string sql = $"""
            with recursive {TenantTree},
            received (tenant_id, kind, status) as (
                select b.tenant_id, 'correction', c.status
                from correction_requests c join bookings b on b.id = c.booking_id
                where c.received_at >= @from and c.received_at < @to
                union all
                select b.tenant_id, 'access', a.status
                from access_requests a join bookings b on b.id = a.booking_id
                where a.received_at >= @from and a.received_at < @to
                union all
                select null::uuid, 'complaint', p.status from privacy_complaints p
                where p.received_at >= @from and p.received_at < @to)
            select q.tenant_id, tree.name as tenant_name, r.name as region_name, q.kind, q.status, count(*) as requests
            from received q left join tree on tree.id = q.tenant_id left join tenants r on r.id = tree.region_id
            group by q.tenant_id, tree.name, r.name, q.kind, q.status
            order by tree.name nulls first, q.tenant_id, q.kind, q.status
            """;
        return await ReadAsync(sql, day, from, to, cancellationToken);
    }

    /// <summary>Each waiting room's figures for <paramref name="day"/> (Québec time), with the campaign it stands in front
    /// of (a room a host's configuration adds has none). Those who left are the admitted who never came back for their pass.</summary>
    public async Task<ReportingTable> WaitingRoomDaysAsync(DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // A campaign's room is named after its id (Campaign.WaitingRoomName).
        const string sql = $"""
            with recursive {TenantTree}
            select w.day, w.room, c.id as campaign_id, c.name_fr as campaign_name,
                   c.tenant_id, tree.name as tenant_name, r.name as region_name, c.opens_at as campaign_opens_at,
                   w.first_ticket_at as opened_at, w.admissions_per_minute::bigint, w.arrivals, w.admitted,
                   greatest(w.admitted - w.passes_collected, 0) as left_before_pass, w.peak_waiting,
                   w.median_wait_seconds::bigint, w.p90_wait_seconds::bigint, w.max_wait_seconds, w.interrupted
            from waiting_room_days w
            left join campaigns c on c.waiting_room and left('campaign-' || replace(c.id::text, '-', ''), 30) = w.room
            left join tree on tree.id = c.tenant_id
            left join tenants r on r.id = tree.region_id
            where w.day = @day
            order by w.room
            """;
        return await ReadAsync(sql, day, from, to, cancellationToken);
    }

    private async Task<ReportingTable> ReadAsync(string sql, DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = reporting.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("day", day);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        return await ReportingTable.ReadAsync(command, cancellationToken);
    }
}
