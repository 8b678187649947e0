namespace Booking.Staff.Administration;

/// <summary>An account as an administrator asks for it: the person's address and name, the language they are written
/// to in, the tenant they work for, and how they get in: an invitation e-mailed to them (<paramref name="Invite"/>), or a
/// first password the administrator hands over.</summary>
public sealed record NewStaffAccount(string? Email, string? DisplayName, string? Language, Guid TenantId, bool Invite = false);

/// <summary>An account just created, and its first password (none when invited): shown once, never stored in clear.</summary>
public sealed record CreatedStaffAccount(Guid Id, string? FirstPassword);
