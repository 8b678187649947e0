using Booking.Data.Demo;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;

namespace Booking.Staff.Demo;

/// <summary>One staff member per demo tenant, each with the documented initial password that the first sign-in must
/// replace (and then enrol an authenticator). Accounts that exist are left as they are, changed password included.</summary>
public sealed class DemoStaffAccounts(UserManager<StaffUser> users)
{
    public const string InitialPassword = "Bienvenue-Demo-2026";

    public static readonly (string Email, string Name, Guid Tenant)[] Accounts =
    [
        ("camille.roy@ministere.demo.example", "Camille Roy", DemoSeed.Ministry),
        ("julie.tremblay@montreal.demo.example", "Julie Tremblay", DemoSeed.MontrealRegion),
        ("marc.gagnon@quebec.demo.example", "Marc Gagnon", DemoSeed.QuebecRegion),
    ];

    /// <returns>The e-mail addresses of the accounts created by this run.</returns>
    public async Task<IReadOnlyList<string>> EnsureAsync()
    {
        var created = new List<string>();
        foreach (var (email, name, tenant) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
                continue;
            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                TenantId = tenant, MustChangePassword = true, LockoutEnabled = true,
            };
            var result = await users.CreateAsync(user, InitialPassword);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo staff account {email} not created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            created.Add(email);
        }
        return created;
    }
}
