using System.Collections.Concurrent;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;

namespace Booking.Admin.Tests;

/// <summary>Identity's password hasher, counting the checks made against each account: whether an answer did the work
/// of a password check is seen here rather than timed.</summary>
public sealed class PasswordChecks : IPasswordHasher<StaffUser>
{
    private readonly PasswordHasher<StaffUser> _hasher = new();
    private readonly ConcurrentDictionary<Guid, int> _checks = new();

    public int Of(Guid userId) => _checks.GetValueOrDefault(userId);

    public string HashPassword(StaffUser user, string password) => _hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        _checks.AddOrUpdate(user.Id, 1, (_, count) => count + 1);
        return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
