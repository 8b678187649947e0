using Booking.Contracts;
using Booking.Domain.Eligibility;
using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.Bookings;

/// <summary>The bookings table: the durable truth behind every inventory grain.</summary>
public sealed class BookingRepository(NpgsqlDataSource dataSource)
{
    /// <summary>The window a live booking of <c>{s}</c> at local date <c>{day}</c> covers when the service has a minimum
    /// interval between two of its own appointments (migration 0019); null otherwise.</summary>
    internal static string IntervalWindow(string s, string day) =>
        $"case when {s}.min_interval_service = {s}.code then daterange({day}, {day} + {s}.min_interval_days) end";

    /// <summary>Seats taken by live bookings of a clinic between two instants: what an inventory grain rebuilds from.</summary>
    public async Task<IReadOnlyList<SeatAssignment>> SeatsAsync(Guid locationId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id, service_code, slot_start, seat from bookings
            where location_id = @locationId and status = 'confirmed' and slot_start >= @from and slot_start < @until
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("locationId", locationId);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("until", until.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var seats = new List<SeatAssignment>();
        while (await reader.ReadAsync(cancellationToken))
            seats.Add(new SeatAssignment(reader.GetGuid(0), new SlotKey(reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)), reader.GetInt32(3)));
        return seats;
    }

    /// <summary>
    /// Commits a batch of bookings in one statement (group commit: a hot clinic pays one round trip for many
    /// confirmations). Rows the database refuses are not an error for the others; each gets its own outcome.
    /// </summary>
    public async Task<IReadOnlyList<InsertOutcome>> InsertAsync(IReadOnlyList<NewBooking> bookings, CancellationToken cancellationToken = default)
    {
        // The booking, its declarations, the audit records of their creation, its confirmation message and its reminders
        // commit together: no personal data without its trace, no booking without its declarations or its message.
        // The seat, hold, key and interval guards are unique and exclusion constraints: a row that breaks one is skipped
        // (on conflict do nothing), also against a row earlier in the same batch, and explained afterwards.
        var sql = $"""
            with inserted as (
                insert into bookings (id, confirmation_code, tenant_id, location_id, service_code, slot_start, slot_end, seat,
                                      slot_capacity, status, hold_digest, idempotency_digest, request_digest, citizen_ciphertext,
                                      encryption_key_id, citizen_fingerprint, health_card_fingerprint, language, consent_at, interval_window, channel,
                                      phone_fingerprint, age_band, fsa)
                select b.id, b.code, b.tenant, b.location, b.service, b.slot_start, b.slot_end, b.seat, b.capacity, 'confirmed',
                       b.hold, b.idem, b.request, b.cipher, b.key_id, b.fingerprint, b.card, b.language, b.consent,
                       {IntervalWindow("s", "(b.slot_start at time zone l.time_zone)::date")}, b.channel, b.phone, b.age_band, b.fsa
                from unnest(@id, @code, @tenant, @location, @service, @slot_start, @slot_end, @seat, @capacity, @hold, @idem,
                            @request, @cipher, @key_id, @fingerprint, @card, @language, @consent, @channel, @phone, @age_band, @fsa)
                     as b(id, code, tenant, location, service, slot_start, slot_end, seat, capacity, hold, idem,
                          request, cipher, key_id, fingerprint, card, language, consent, channel, phone, age_band, fsa)
                     left join services s on s.code = b.service
                     left join locations l on l.id = b.location
                on conflict do nothing
                returning id, tenant_id, service_code, slot_start),
            submitted as (
                select * from unnest(@id, @source_ip, @declared, @declared_key_id, @actor) as a(id, ip, declared, declared_key_id, actor)),
            declared as (
                insert into booking_declarations (booking_id, ciphertext, encryption_key_id)
                select i.id, a.declared, a.declared_key_id from inserted i join submitted a on a.id = i.id),
            notified as ({BookingChangeNotifications.Notify("inserted", "'BookingConfirmed'")}),
            reminded as ({BookingChangeNotifications.ScheduleReminders("inserted")}),
            traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
                select coalesce(a.actor, 'citizen:booking'), 'create', t.name, i.id, 'Booking.Silo/confirm', a.ip
                from inserted i join submitted a on a.id = i.id
                     cross join (values ('bookings'), ('booking_declarations')) as t(name))
            select id from inserted
            """;
        await using var command = dataSource.CreateCommand(sql);
        var p = command.Parameters;
        p.AddWithValue("id", bookings.Select(b => b.Id).ToArray());
        p.AddWithValue("code", bookings.Select(b => b.ConfirmationCode).ToArray());
        p.AddWithValue("tenant", bookings.Select(b => b.TenantId).ToArray());
        p.AddWithValue("location", bookings.Select(b => b.LocationId).ToArray());
        p.AddWithValue("service", bookings.Select(b => b.ServiceCode).ToArray());
        p.AddWithValue("slot_start", bookings.Select(b => b.SlotStart.ToUniversalTime()).ToArray());
        p.AddWithValue("slot_end", bookings.Select(b => b.SlotEnd.ToUniversalTime()).ToArray());
        p.AddWithValue("seat", bookings.Select(b => b.Seat).ToArray());
        p.AddWithValue("capacity", bookings.Select(b => b.SlotCapacity).ToArray());
        p.AddWithValue("hold", bookings.Select(b => BookingDigests.Of(b.HoldId)).ToArray());
        p.Add(new NpgsqlParameter("idem", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = bookings.Select(b => (object?)BookingDigests.OfOptional(b.IdempotencyKey) ?? DBNull.Value).ToArray() });
        p.Add(new NpgsqlParameter("request", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = bookings.Select(b => (object?)b.RequestDigest ?? DBNull.Value).ToArray() });
        p.AddWithValue("cipher", bookings.Select(b => b.Citizen.Ciphertext).ToArray());
        p.AddWithValue("key_id", bookings.Select(b => b.Citizen.KeyId).ToArray());
        p.AddWithValue("fingerprint", bookings.Select(b => b.Citizen.Fingerprint).ToArray());
        p.Add(new NpgsqlParameter("card", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = bookings.Select(b => (object?)b.Citizen.HealthCardFingerprint ?? DBNull.Value).ToArray() });
        p.AddWithValue("language", bookings.Select(b => b.Citizen.Language).ToArray());
        p.Add(new NpgsqlParameter("phone", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = bookings.Select(b => (object?)b.Citizen.PhoneFingerprint ?? DBNull.Value).ToArray() });
        p.Add(new NpgsqlParameter("age_band", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = bookings.Select(b => (object?)b.Citizen.AgeBand ?? DBNull.Value).ToArray() });
        p.Add(new NpgsqlParameter("fsa", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = bookings.Select(b => (object?)b.Citizen.Fsa ?? DBNull.Value).ToArray() });
        p.AddWithValue("declared", bookings.Select(b => b.Declarations.Ciphertext).ToArray());
        p.AddWithValue("declared_key_id", bookings.Select(b => b.Declarations.KeyId).ToArray());
        p.AddWithValue("consent", bookings.Select(b => b.ConsentAt.ToUniversalTime()).ToArray());
        p.AddWithValue("channel", bookings.Select(b => b.Channel).ToArray());
        p.Add(new NpgsqlParameter("actor", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = bookings.Select(b => (object?)b.Actor ?? DBNull.Value).ToArray() });
        p.Add(new NpgsqlParameter("source_ip", NpgsqlDbType.Array | NpgsqlDbType.Inet) { Value = bookings.Select(b => (object?)b.SourceIp ?? DBNull.Value).ToArray() });

        var inserted = new HashSet<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                inserted.Add(reader.GetGuid(0));

        var refused = bookings.Where(b => !inserted.Contains(b.Id)).ToList();
        var explanations = refused.Count == 0 ? [] : await ExplainRefusals(refused, cancellationToken);
        return bookings.Select(b => inserted.Contains(b.Id) ? new InsertOutcome.Inserted() : explanations[b.Id]).ToList();
    }

    /// <summary>Why rows were refused by <c>on conflict do nothing</c>: which guard they hit.</summary>
    private async Task<Dictionary<Guid, InsertOutcome>> ExplainRefusals(IReadOnlyList<NewBooking> refused, CancellationToken cancellationToken)
    {
        var sql = $"""
            select {StoredBooking.Columns} from bookings
            where hold_digest = any(@holds) or idempotency_digest = any(@keys)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("holds", refused.Select(b => BookingDigests.Of(b.HoldId)).ToArray());
        command.Parameters.AddWithValue("keys", refused.Where(b => b.IdempotencyKey is not null).Select(b => BookingDigests.Of(b.IdempotencyKey!)).ToArray());
        var existing = await ReadAll(command, cancellationToken);

        var outcomes = new Dictionary<Guid, InsertOutcome>();
        foreach (var booking in refused)
        {
            var hold = BookingDigests.Of(booking.HoldId);
            var key = BookingDigests.OfOptional(booking.IdempotencyKey);
            var sameHold = existing.FirstOrDefault(e => e.HoldDigest.AsSpan().SequenceEqual(hold));
            var sameKey = key is null ? null : existing.FirstOrDefault(e => e.IdempotencyDigest is { } k && k.AsSpan().SequenceEqual(key));
            outcomes[booking.Id] = (sameHold, sameKey) switch
            {
                ({ } previous, _) when previous.IsRetriedBy(booking.IdempotencyKey, booking.RequestDigest) => new InsertOutcome.AlreadyConfirmed(previous),
                ({ }, _) => new InsertOutcome.HoldAlreadyUsed(),
                (null, { }) => new InsertOutcome.IdempotencyKeyReused(),
                _ when await SeatIsTaken(booking, cancellationToken) => new InsertOutcome.SeatTaken(),
                _ when await IntervalIsTaken(booking, cancellationToken) => new InsertOutcome.TooSoon(),
                _ => new InsertOutcome.CodeCollision(),
            };
        }
        return outcomes;
    }

    private async Task<bool> SeatIsTaken(NewBooking booking, CancellationToken cancellationToken)
    {
        const string sql = """
            select exists (select 1 from bookings
                           where location_id = @location and service_code = @service and slot_start = @start
                             and seat = @seat and status = 'confirmed')
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", booking.LocationId);
        command.Parameters.AddWithValue("service", booking.ServiceCode);
        command.Parameters.AddWithValue("start", booking.SlotStart.ToUniversalTime());
        command.Parameters.AddWithValue("seat", booking.Seat);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Whether the citizen has a live booking of the service within its minimum interval (the guard of migration 0019).</summary>
    private async Task<bool> IntervalIsTaken(NewBooking booking, CancellationToken cancellationToken)
    {
        var sql = $"""
            select exists (
                select 1 from services s join locations l on l.id = @location
                     join bookings x on x.service_code = s.code and x.status = 'confirmed'
                                    and (x.citizen_fingerprint = @fingerprint or x.health_card_fingerprint = @card)
                where s.code = @service
                  and x.interval_window && {IntervalWindow("s", "(@start at time zone l.time_zone)::date")})
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", booking.LocationId);
        command.Parameters.AddWithValue("service", booking.ServiceCode);
        command.Parameters.AddWithValue("start", booking.SlotStart.ToUniversalTime());
        command.Parameters.AddWithValue("fingerprint", booking.Citizen.Fingerprint);
        command.Parameters.Add(new NpgsqlParameter("card", NpgsqlDbType.Bytea) { Value = (object?)booking.Citizen.HealthCardFingerprint ?? DBNull.Value });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<StoredBooking?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindOne("id = @value", id, cancellationToken);

    public Task<StoredBooking?> FindByCodeAsync(string confirmationCode, CancellationToken cancellationToken = default) =>
        FindOne("confirmation_code = @value", confirmationCode, cancellationToken);

    /// <summary>The booking a hold made, only for a retry of the very confirmation that made it (see
    /// <see cref="StoredBooking.IsRetriedBy"/>); null otherwise, whether or not the hold was ever confirmed.</summary>
    public async Task<StoredBooking?> FindRetriedAsync(string holdId, string? idempotencyKey, byte[]? requestDigest,
        CancellationToken cancellationToken = default) =>
        await FindOne("hold_digest = @value", BookingDigests.Of(holdId), cancellationToken) is { } booking && booking.IsRetriedBy(idempotencyKey, requestDigest)
            ? booking : null;

    private async Task<StoredBooking?> FindOne<T>(string condition, T value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {StoredBooking.Columns} from bookings where {condition}");
        command.Parameters.AddWithValue("value", value!);
        return (await ReadAll(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Cancels a live booking if nobody changed it since <paramref name="expectedVersion"/> was read; its
    /// cancellation message is queued and its pending reminders dropped in the same statement, and, when a staff member
    /// cancels it (<paramref name="byStaff"/>), its audit record and access-log entry. False when the booking changed
    /// meanwhile, or the staff member's form already acted.</summary>
    public async Task<bool> CancelAsync(Guid bookingId, int expectedVersion, ChangedBy by = ChangedBy.Citizen, StaffChange? byStaff = null,
        CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with cancelled as (
                update bookings set status = 'cancelled', cancelled_at = now(), updated_at = now(), version = version + 1
                where id = @id and version = @version and status = 'confirmed'
                returning id, tenant_id, location_id, slot_start, location_id as previous_location_id, slot_start as previous_slot_start),
            notified as ({BookingChangeNotifications.Notify("cancelled", $"'{BookingChangeNotifications.CancellationKind(by)}'")}),
            {(byStaff is null ? "" : StaffChangeAudit.Record("cancelled", "cancelled") + ",")}
            dropped as ({BookingChangeNotifications.CancelReminders("cancelled")})
            select count(*) from cancelled
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", bookingId);
        command.Parameters.AddWithValue("version", expectedVersion);
        StaffChangeAudit.AddParameters(command.Parameters, byStaff);
        try
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
        }
        catch (PostgresException e) when (StaffChangeAudit.IsFormSentAgain(e))
        {
            return false;
        }
    }

    /// <summary>Moves a live booking to another seat in one statement, if nobody changed it since it was read. A booking
    /// moved to another tenant's clinic is that tenant's from then on (its messages, retention and privacy queue); its
    /// sealed records follow once resealed with that tenant's key (<see cref="Privacy.TenantResealing"/>).
    /// The seat guard still applies: a taken seat refuses the move and the booking stays where it was. The citizen's
    /// message and the reminders for the new time are part of the same statement, and, when a staff member moves it
    /// (<paramref name="byStaff"/>), its audit record and access-log entry.</summary>
    public async Task<MoveOutcome> MoveAsync(Guid bookingId, int expectedVersion, Guid locationId, Slot slot, int seat, string newHoldId,
        ChangedBy by = ChangedBy.Citizen, StaffChange? byStaff = null, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with previous as (
                select id, location_id, slot_start from bookings
                where id = @id and version = @version and status = 'confirmed' and service_code = @service
                for update),
            moved as (
                update bookings b
                set location_id = @location, tenant_id = l.tenant_id, slot_start = @start, slot_end = @end, seat = @seat,
                    slot_capacity = @capacity, hold_digest = @hold, updated_at = now(), version = b.version + 1,
                    interval_window = {IntervalWindow("s", "(@start at time zone l.time_zone)::date")}
                from previous p, services s, locations l
                where b.id = p.id and s.code = @service and l.id = @location
                returning b.id, b.tenant_id, b.service_code, b.slot_start, b.location_id,
                          p.slot_start as previous_slot_start, p.location_id as previous_location_id),
            notified as ({BookingChangeNotifications.Notify("moved", $"'{BookingChangeNotifications.MoveKind(by)}'", withPrevious: true)}),
            {(byStaff is null ? "" : StaffChangeAudit.Record("moved", "moved") + ",")}
            dropped as ({BookingChangeNotifications.CancelReminders("moved")}),
            reminded as ({BookingChangeNotifications.ScheduleReminders("moved")})
            select count(*) from moved
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", bookingId);
        command.Parameters.AddWithValue("version", expectedVersion);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("service", slot.ServiceCode);
        command.Parameters.AddWithValue("start", slot.Start.ToUniversalTime());
        command.Parameters.AddWithValue("end", slot.End.ToUniversalTime());
        command.Parameters.AddWithValue("seat", seat);
        command.Parameters.AddWithValue("capacity", slot.Capacity);
        command.Parameters.AddWithValue("hold", BookingDigests.Of(newHoldId));
        StaffChangeAudit.AddParameters(command.Parameters, byStaff);
        try
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1 ? MoveOutcome.Moved : MoveOutcome.BookingChanged;
        }
        catch (PostgresException e) when (StaffChangeAudit.IsFormSentAgain(e))
        {
            return MoveOutcome.BookingChanged;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return MoveOutcome.SeatTaken;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            return MoveOutcome.TooSoon;
        }
    }

    /// <summary>A citizen's earlier live bookings, found by fingerprint (health card when given, else name + birth date).</summary>
    /// <summary><paramref name="excludingHoldId"/> and <paramref name="excludingBookingId"/> leave out the booking being
    /// confirmed again (a retry) or moved, which must not count against itself.</summary>
    public async Task<IReadOnlyList<PreviousAppointment>> HistoryAsync(byte[] citizenFingerprint, byte[]? healthCardFingerprint,
        string? excludingHoldId = null, Guid? excludingBookingId = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select b.service_code, (b.slot_start at time zone l.time_zone)::date
            from bookings b join locations l on l.id = b.location_id
            where b.status = 'confirmed' and (b.citizen_fingerprint = @fingerprint or b.health_card_fingerprint = @card)
              and b.hold_digest is distinct from @hold and b.id is distinct from @booking
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("fingerprint", citizenFingerprint);
        command.Parameters.Add(new NpgsqlParameter("card", NpgsqlDbType.Bytea) { Value = (object?)healthCardFingerprint ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("hold", NpgsqlDbType.Bytea) { Value = (object?)BookingDigests.OfOptional(excludingHoldId) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("booking", NpgsqlDbType.Uuid) { Value = (object?)excludingBookingId ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new List<PreviousAppointment>();
        while (await reader.ReadAsync(cancellationToken))
            history.Add(new PreviousAppointment(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
        return history;
    }

    private static async Task<List<StoredBooking>> ReadAll(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var bookings = new List<StoredBooking>();
        while (await reader.ReadAsync(cancellationToken))
            bookings.Add(StoredBooking.Read(reader));
        return bookings;
    }
}

/// <summary><see cref="TooSoon"/>: the new date is within the service's minimum interval of another booking of the citizen.</summary>
public enum MoveOutcome { Moved, BookingChanged, SeatTaken, TooSoon }
