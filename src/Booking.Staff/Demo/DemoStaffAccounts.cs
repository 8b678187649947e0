using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;

namespace Booking.Staff.Demo;

/// <summary>A demo staff member and the roles they hold: over a tenant, or at given clinics.</summary>
public sealed record DemoStaffAccount(string Email, string Name, Guid Tenant, IReadOnlyList<(StaffRole Role, Guid Tenant, Guid[]? Clinics)> Roles);

/// <summary>The demo's staff: at least one person per role, each with the documented initial password that the first
/// sign-in must replace (and then enrol an authenticator). Accounts that exist are left as they are, changed password
/// included; their demo roles are added if missing.</summary>
public sealed class DemoStaffAccounts(UserManager<StaffUser> users, DemoStaffRoles roles)
{
    public const string InitialPassword = "Bienvenue-Demo-2026";

    private static readonly Guid[] MontrealClinics = [DemoSeed.Location(1), DemoSeed.Location(2), DemoSeed.Location(3), DemoSeed.Location(4)];

    public static readonly DemoStaffAccount[] Accounts =
    [
        new("camille.roy@ministere.demo.example", "Camille Roy", DemoSeed.Ministry,
            [(StaffRole.TenantAdministrator, DemoSeed.Ministry, null)]),
        new("julie.tremblay@montreal.demo.example", "Julie Tremblay", DemoSeed.MontrealRegion,
            [(StaffRole.ClinicManager, DemoSeed.MontrealRegion, MontrealClinics)]),
        new("marc.gagnon@quebec.demo.example", "Marc Gagnon", DemoSeed.QuebecRegion,
            [(StaffRole.TenantAdministrator, DemoSeed.QuebecRegion, null), (StaffRole.ClinicManager, DemoSeed.QuebecRegion, [DemoSeed.Location(5)])]),
        new("nadia.bouchard@plateforme.demo.example", "Nadia Bouchard", DemoSeed.Ministry,
            [(StaffRole.PlatformOperator, DemoSeed.Ministry, null)]),
        new("sophie.lavoie@montreal.demo.example", "Sophie Lavoie", DemoSeed.MontrealRegion,
            [(StaffRole.FrontDesk, DemoSeed.MontrealRegion, [DemoSeed.StadeOlympique])]),
        new("olivier.martin@ministere.demo.example", "Olivier Martin", DemoSeed.Ministry,
            [(StaffRole.ContactCentreAgent, DemoSeed.Ministry, null)]),
        new("emilie.fortin@ministere.demo.example", "Émilie Fortin", DemoSeed.Ministry,
            [(StaffRole.MinistryAnalyst, DemoSeed.Ministry, null)]),
        new("louise.cote@ministere.demo.example", "Louise Côté", DemoSeed.Ministry,
            [(StaffRole.PrivacyOfficer, DemoSeed.Ministry, null)]),
    ];

    /// <returns>The e-mail addresses of the accounts created by this run.</returns>
    public async Task<IReadOnlyList<string>> EnsureAsync()
    {
        var created = new List<string>();
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not { } user)
            {
                user = new StaffUser
                {
                    Id = Guid.CreateVersion7(), UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name,
                    TenantId = account.Tenant, MustChangePassword = true, LockoutEnabled = true,
                };
                var result = await users.CreateAsync(user, InitialPassword);
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Demo staff account {account.Email} not created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                created.Add(account.Email);
            }
            foreach (var (role, tenant, clinics) in account.Roles)
                await roles.GrantAsync(user.Id, role.Code(), tenant, clinics);
        }
        return created;
    }

    /// <summary>Each demo account with its roles, one line each, as the run command prints them.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync() =>
        (await roles.DescribeAsync(Accounts.Select(a => a.Email).ToArray())).Select(account => $"{account.Email,-42} {account.Roles}").ToList();
}
