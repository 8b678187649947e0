using Booking.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.Bookings;

/// <summary>
/// The audit side of a booking changed by a staff member, as SQL that joins the change's own statement: its
/// <c>booking_change_audit</c> row (who, from where, why, the form's key) and its access-log entry commit with the
/// change or not at all. A form sent again finds its key taken, and the whole statement changes nothing.
/// </summary>
public static class StaffChangeAudit
{
    public const string Program = "Booking.Silo/staff-change";

    /// <summary>Bound into a change's note's ciphertext, so a note cannot be passed off as another sealed record.</summary>
    public const string NotePurpose = "booking-change-note";

    /// <summary>CTEs (named audited and traced) over the CTE <paramref name="changed"/>, which returns id, tenant_id,
    /// location_id, slot_start, previous_location_id and previous_slot_start.</summary>
    internal static string Record(string changed, string action) => $"""
        audited as (
            insert into booking_change_audit (booking_id, tenant_id, action, by_clinic, actor, source_ip, reason, note_ciphertext, note_key_id,
                                              form_key, previous_location_id, previous_slot_start, location_id, slot_start)
            select c.id, c.tenant_id, '{action}', @staff_by_clinic, @staff_actor, @staff_ip, @staff_reason, @staff_note, @staff_note_key,
                   @staff_form_key, c.previous_location_id, c.previous_slot_start, c.location_id, c.slot_start
            from {changed} c),
        traced as (
            insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
            select @staff_actor, 'update', 'bookings', c.id, '{Program}', @staff_ip from {changed} c)
        """;

    internal static void AddParameters(NpgsqlParameterCollection parameters, StaffChange? change)
    {
        if (change is null)
            return;
        parameters.AddWithValue("staff_by_clinic", change.ByClinic);
        parameters.AddWithValue("staff_actor", change.Actor);
        parameters.Add(new NpgsqlParameter("staff_ip", NpgsqlDbType.Inet)
        {
            Value = System.Net.IPAddress.TryParse(change.SourceIp, out var ip) ? ip : DBNull.Value,
        });
        parameters.AddWithValue("staff_reason", change.Reason);
        parameters.Add(new NpgsqlParameter("staff_note", NpgsqlDbType.Bytea) { Value = (object?)change.NoteCiphertext ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("staff_note_key", NpgsqlDbType.Text) { Value = (object?)change.NoteKeyId ?? DBNull.Value });
        parameters.AddWithValue("staff_form_key", change.FormKey);
    }

    /// <summary>The form's key is already recorded: this form acted before.</summary>
    internal static bool IsFormSentAgain(PostgresException e) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "booking_change_audit_form_key_key";
}
