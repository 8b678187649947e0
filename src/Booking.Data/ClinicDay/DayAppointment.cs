using System.Data.Common;

namespace Booking.Data.ClinicDay;

/// <summary>A live booking of a clinic's day as the front desk needs it: its facts, its attendance, and the sealed citizen
/// with their health card's fingerprint (for a search that never decrypts a card number).</summary>
public sealed record DayAppointment(
    Guid Id,
    string ConfirmationCode,
    string ServiceCode,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    string Channel,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? NoShowAt,
    byte[]? CitizenCiphertext,
    string? EncryptionKeyId,
    byte[]? HealthCardFingerprint)
{
    internal const string Columns = """
        id, confirmation_code, service_code, slot_start, slot_end, channel, checked_in_at, no_show_at,
        citizen_ciphertext, encryption_key_id, health_card_fingerprint
        """;

    internal static DayAppointment Read(DbDataReader row) => new(
        row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetFieldValue<DateTimeOffset>(3), row.GetFieldValue<DateTimeOffset>(4),
        row.GetString(5), row.IsDBNull(6) ? null : row.GetFieldValue<DateTimeOffset>(6), row.IsDBNull(7) ? null : row.GetFieldValue<DateTimeOffset>(7),
        row.IsDBNull(8) ? null : row.GetFieldValue<byte[]>(8), row.IsDBNull(9) ? null : row.GetString(9), row.IsDBNull(10) ? null : row.GetFieldValue<byte[]>(10));
}

/// <summary>What marking a person's attendance did: marked now, or nothing changed because of what stands already.</summary>
public abstract record AttendanceOutcome
{
    public sealed record Marked(DateTimeOffset At) : AttendanceOutcome;

    /// <summary>The person was checked in already, at <see cref="At"/>.</summary>
    public sealed record AlreadyCheckedIn(DateTimeOffset At) : AttendanceOutcome;

    /// <summary>The person was marked absent already, at <see cref="At"/>.</summary>
    public sealed record AlreadyNoShow(DateTimeOffset At) : AttendanceOutcome;

    /// <summary>A no-show cannot be marked before the slot has started.</summary>
    public sealed record NotStarted : AttendanceOutcome;

    /// <summary>No live booking of this clinic has that id (cancelled, moved elsewhere, or another clinic's).</summary>
    public sealed record NotHere : AttendanceOutcome;
}
