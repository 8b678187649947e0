using Booking.Data.Notifications;

namespace Booking.Staff.Administration;

/// <summary>One line of an account's history as its administrators read it.</summary>
public sealed record StaffAuditEntry(DateTimeOffset OccurredAt, string ActorName, StaffAccountEvent Action, string Detail);
