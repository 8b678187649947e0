using System.Net;
using Booking.Contracts;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Dapper;
using Npgsql;

namespace Booking.Data.Privacy;

/// <summary>The kinds of request in the staff queue, as the addresses and the access log name them.</summary>
public static class PrivacyRequestKind
{
    public const string Correction = "correction";
    public const string Complaint = "complaint";
    public const string Access = "access";

    public static bool IsKnown(string? kind) => kind is Correction or Complaint or Access;

    public static string Table(string kind) => kind switch
    {
        Correction => "correction_requests",
        Access => "access_requests",
        Complaint => "privacy_complaints",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of privacy request."),
    };

    /// <summary>A request tied to a booking (a correction, an access request): reached over its clinic, answered through
    /// its outbox, sealed with its tenant's key. A complaint names no booking it can be trusted with.</summary>
    public static bool OfBooking(string kind) => kind is Correction or Access;

    /// <summary>The column of <c>notifications</c> naming the request whose answer a message carries.</summary>
    public static string NotificationColumn(string kind) => kind switch
    {
        Correction => "correction_request_id",
        Access => "access_request_id",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A complaint's answer has its own outbox."),
    };
}

/// <summary>One open request as the queue lists it: nothing sealed.</summary>
public sealed record PrivacyQueueRow
{
    public string Kind { get; init; } = "";
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
    public string? AssigneeName { get; init; }

    /// <summary>The booking's confirmation code (a correction, an access request) or the complaint's reference.</summary>
    public string Subject { get; init; } = "";
}

/// <summary>One request as its page shows it, its content and answer still sealed.</summary>
public sealed record PrivacyRequestRow
{
    public string Kind { get; init; } = "";
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public Guid? AssignedTo { get; init; }
    public string? AssigneeName { get; init; }
    public string? AnsweredByName { get; init; }
    public byte[] Ciphertext { get; init; } = [];
    public string EncryptionKeyId { get; init; } = "";
    public byte[]? AnswerCiphertext { get; init; }
    public string? AnswerKeyId { get; init; }

    /// <summary>When the correction asked for was applied to the booking; null when answered without it (or a complaint).</summary>
    public DateTimeOffset? AppliedAt { get; init; }
    public Guid? BookingId { get; init; }
    public Guid? TenantId { get; init; }
    public string Subject { get; init; } = "";

    /// <summary>How an access request reached the organisation, and who recorded it; null for the other kinds, which
    /// citizens file themselves.</summary>
    public string? Channel { get; init; }
    public string? RecordedByName { get; init; }

    public SealedData Content => new(Ciphertext, EncryptionKeyId);

    public SealedData? Answer => AnswerCiphertext is { } answer ? new SealedData(answer, AnswerKeyId!) : null;
}

/// <summary>A person who may be given a request.</summary>
public sealed record PrivacyOfficer
{
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = "";
}

/// <summary>
/// The staff queue of citizens' privacy requests. A correction or an access request is reached where the grantee holds
/// the permission over the booking's clinic (<see cref="StaffScopeSql"/>); a complaint, which names no booking it can be
/// trusted with (its confirmation code is typed by anyone, unchecked), only by those who hold it over a top-level tenant.
/// </summary>
public sealed class PrivacyQueueRepository(NpgsqlDataSource dataSource)
{
    private static readonly string Scope = $"""
        with recursive {StaffScopeSql.Locations("visible")}, {StaffScopeSql.Tenants("held")},
        top_level as (select 1 from held join tenants t on t.id = held.id where t.parent_id is null limit 1),
        requests as (
            select 'correction' as kind, c.id, c.status, c.received_at, c.answered_at, c.assigned_to, c.answered_by, c.ciphertext,
                   c.encryption_key_id, c.answer_ciphertext, c.answer_key_id, c.applied_at, b.id as booking_id, b.tenant_id,
                   b.confirmation_code as subject, null::text as channel, null::uuid as recorded_by
            from correction_requests c join bookings b on b.id = c.booking_id
            where b.location_id in (select id from visible)
            union all
            select 'access', a.id, a.status, a.received_at, a.answered_at, a.assigned_to, a.answered_by, a.ciphertext,
                   a.encryption_key_id, a.answer_ciphertext, a.answer_key_id, null, b.id, b.tenant_id, b.confirmation_code, a.channel,
                   a.recorded_by
            from access_requests a join bookings b on b.id = a.booking_id
            where b.location_id in (select id from visible)
            union all
            select 'complaint', p.id, p.status, p.received_at, p.answered_at, p.assigned_to, p.answered_by, p.ciphertext,
                   p.encryption_key_id, p.answer_ciphertext, p.answer_key_id, null, null, null, p.reference, null, null
            from privacy_complaints p where exists (select 1 from top_level))
        """;

    /// <summary>The open requests the grantee reaches, the oldest received (so the first due) first.</summary>
    public async Task<IReadOnlyList<PrivacyQueueRow>> OpenAsync(StaffGrantee grantee, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            {Scope}
            select r.kind, r.id, r.status, r.received_at, u.display_name as assignee_name, r.subject
            from requests r left join staff_users u on u.id = r.assigned_to
            where r.status <> 'answered'
            order by r.received_at, r.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<PrivacyQueueRow>(new CommandDefinition(sql, StaffScopeSql.Parameters(grantee),
            cancellationToken: cancellationToken))).ToList();
    }

    /// <returns>Null when the request does not exist or the grantee does not reach it: the same answer.</returns>
    public async Task<PrivacyRequestRow?> FindAsync(StaffGrantee grantee, string kind, Guid id, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            {Scope}
            select r.kind, r.id, r.status, r.received_at, r.answered_at, r.assigned_to, u.display_name as assignee_name,
                   a.display_name as answered_by_name, r.ciphertext, r.encryption_key_id, r.answer_ciphertext, r.answer_key_id,
                   r.applied_at, r.booking_id, r.tenant_id, r.subject, r.channel, w.display_name as recorded_by_name
            from requests r left join staff_users u on u.id = r.assigned_to left join staff_users a on a.id = r.answered_by
                 left join staff_users w on w.id = r.recorded_by
            where r.kind = @kind and r.id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PrivacyRequestRow>(new CommandDefinition(sql,
            StaffScopeSql.Parameters(grantee, new { kind, id }), cancellationToken: cancellationToken));
    }

    /// <summary>Who may be given a request of <paramref name="tenantId"/> (its booking's tenant), or of a
    /// top-level tenant when null (a complaint): active accounts holding one of <paramref name="roles"/> over it or a
    /// tenant above it.</summary>
    public async Task<IReadOnlyList<PrivacyOfficer>> OfficersAsync(Guid? tenantId, IReadOnlyList<string> roles, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with recursive above (id, parent_id) as (
                select id, parent_id from tenants where id = @tenantId or (@tenantId is null and parent_id is null)
                union
                select t.id, t.parent_id from tenants t join above a on t.id = a.parent_id and @tenantId is not null)
            select distinct u.id, u.display_name
            from staff_role_assignments r join staff_users u on u.id = r.user_id
            where r.role = any(@roles) and r.location_ids is null and r.tenant_id in (select id from above)
              and u.suspended_at is null and not u.must_change_password
            order by u.display_name, u.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<PrivacyOfficer>(new CommandDefinition(sql, new { tenantId, roles = roles.ToArray() },
            cancellationToken: cancellationToken))).ToList();
    }

    /// <returns>False when the request was answered meanwhile.</returns>
    public async Task<bool> AssignAsync(string kind, Guid id, Guid assignee, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            update {PrivacyRequestKind.Table(kind)} set status = 'in_progress', assigned_to = @assignee, assigned_at = now()
            where id = @id and status <> 'answered'
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, assignee }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>A booking's citizen as stored (null once erased under the retention rule), the appointment's local day,
    /// which their age band is counted on, and what the service's age rule is checked against.</summary>
    public async Task<BookedCitizen> BookedCitizenAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select b.citizen_ciphertext as ciphertext, b.encryption_key_id as key_id,
                   (b.slot_start at time zone l.time_zone)::date as appointment_day, b.location_id, b.service_code,
                   (b.status = 'confirmed' and b.slot_start > now()) as upcoming
            from bookings b join locations l on l.id = b.location_id
            where b.id = @bookingId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<BookedCitizen>(new CommandDefinition(sql, new { bookingId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Closes a request with its sealed answer, in one statement with its access-log entry and the message that carries
    /// the answer: a correction's or an access request's in the booking's outbox, a complaint's in the complaints' own
    /// (<see cref="ComplaintAnswerOutbox"/>); the notification worker sends it in the person's language. An accepted
    /// correction's <paramref name="corrected"/> citizen replaces the booking's in the same statement (logged as an
    /// update of the booking), so the answer and the change commit together or not at all.
    /// </summary>
    public async Task<PrivacyAnswerWrite> AnswerAsync(string kind, Guid id, SealedData answer, SealedCitizen? corrected, Guid staffUserId, string program,
        IPAddress? sourceIp, CancellationToken cancellationToken = default)
    {
        var table = PrivacyRequestKind.Table(kind);
        var message = PrivacyRequestKind.OfBooking(kind)
            ? $"""
              , queued as (
                  insert into notifications (id, tenant_id, booking_id, kind, category, {PrivacyRequestKind.NotificationColumn(kind)})
                  select gen_random_uuid(), b.tenant_id, b.id, 'PrivacyRequestAnswered', 'transactional', a.id
                  from answered a join {table} r on r.id = a.id join bookings b on b.id = r.booking_id)
              """
            : $"""
              , queued as (
                  insert into {ComplaintAnswerOutbox.Table} (id, complaint_id) select gen_random_uuid(), id from answered)
              """;
        // The citizen is replaced only while the booking still holds one: erased meanwhile, nothing is answered.
        var applied = corrected is null ? "" : """
            , applied as (
                update bookings b
                set citizen_ciphertext = @citizen, encryption_key_id = @citizen_key, citizen_fingerprint = @fingerprint,
                    health_card_fingerprint = @card, phone_fingerprint = @phone, language = @language, age_band = @age_band
                from answered a join correction_requests c on c.id = a.id
                where b.id = c.booking_id
                returning b.id),
            applied_traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
                select 'staff:' || @staff, 'update', 'bookings', id, @program, @ip from applied)
            """;
        var stillHeld = corrected is null ? "" : """
            and exists (select 1 from bookings b where b.id = booking_id and b.citizen_ciphertext is not null)
            """;
        var sql = $"""
            with answered as (
                update {table} set status = 'answered', answered_at = now(), answered_by = @staff,
                                   answer_ciphertext = @cipher, answer_key_id = @key{(corrected is null ? "" : ", applied_at = now()")}
                where id = @id and status <> 'answered' {stillHeld}
                returning id),
            traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
                select 'staff:' || @staff, 'update', '{table}', id, @program, @ip from answered)
            {message}
            {applied}
            select count(*)::int from answered
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, new
            {
                id, staff = staffUserId, cipher = answer.Ciphertext, key = answer.KeyId, program, ip = sourceIp,
                citizen = corrected?.Ciphertext, citizen_key = corrected?.KeyId, fingerprint = corrected?.Fingerprint,
                card = corrected?.HealthCardFingerprint, phone = corrected?.PhoneFingerprint, language = corrected?.Language,
                age_band = corrected?.AgeBand,
            }, cancellationToken: cancellationToken)) == 1 ? PrivacyAnswerWrite.Answered : PrivacyAnswerWrite.NotOpen;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            // The corrected person already has another booking of the service within its minimum interval.
            return PrivacyAnswerWrite.CorrectionConflicts;
        }
    }
}

/// <summary>A booking's sealed citizen (null once erased), the appointment's local day, clinic and service, and whether
/// the appointment is still to come (confirmed, not started).</summary>
public sealed record BookedCitizen
{
    public byte[]? Ciphertext { get; init; }
    public string? KeyId { get; init; }
    public DateOnly AppointmentDay { get; init; }
    public Guid LocationId { get; init; }
    public string ServiceCode { get; init; } = "";
    public bool Upcoming { get; init; }
}

/// <summary>What answering wrote: the answer (and the correction, if applied); nothing, the request being answered
/// already or its booking's citizen erased; or nothing, the corrected citizen clashing with another of their bookings.</summary>
public enum PrivacyAnswerWrite { Answered, NotOpen, CorrectionConflicts }
