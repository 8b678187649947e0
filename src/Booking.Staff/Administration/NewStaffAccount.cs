namespace Booking.Staff.Administration;

/// <summary>An account as an administrator asks for it: the person's address and name, the language they are written
/// to in, and the tenant they work for.</summary>
public sealed record NewStaffAccount(string? Email, string? DisplayName, string? Language, Guid TenantId);

/// <summary>An account just created, and its first password: shown once, never stored in clear.</summary>
public sealed record CreatedStaffAccount(Guid Id, string FirstPassword);
