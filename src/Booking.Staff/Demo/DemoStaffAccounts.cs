using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Booking.Staff.Demo;

/// <summary>A demo staff member and the roles they hold: over a tenant, or at given clinics.</summary>
public sealed record DemoStaffAccount(string Email, string Name, Guid Tenant, IReadOnlyList<(StaffRole Role, Guid Tenant, Guid[]? Clinics)> Roles);

/// <summary>The demo's staff: at least one person per role, each with the documented initial password that the first
/// sign-in must replace (and then enrol an authenticator). Accounts that exist are left as they are, changed password
/// included; their demo roles are added if missing.</summary>
public sealed class DemoStaffAccounts(UserManager<StaffUser> users, NpgsqlDataSource dataSource)
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
                await GrantAsync(user.Id, role, tenant, clinics);
        }
        return created;
    }

    /// <summary>Each demo account with its roles, one line each, as the run command prints them.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync()
    {
        const string sql = """
            select u.email, string_agg(replace(r.role, '_', ' ') || ', ' || t.name
                   || coalesce(' (' || (select string_agg(l.name, ', ' order by l.name) from locations l where l.id = any(r.location_ids)) || ')', ''),
                   '; ' order by r.role)
            from staff_users u join staff_role_assignments r on r.user_id = u.id join tenants t on t.id = r.tenant_id
            where u.email = any(@emails)
            group by u.email
            order by array_position(@emails, u.email::text)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("emails", Accounts.Select(a => a.Email).ToArray());
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add($"{reader.GetString(0),-42} {reader.GetString(1)}");
        return lines;
    }

    private async Task GrantAsync(Guid userId, StaffRole role, Guid tenant, Guid[]? clinics)
    {
        // Roles held, approved by the seed (no approver named), so the demo accounts work at once; due for review in a year.
        const string sql = """
            insert into staff_role_assignments (id, user_id, role, tenant_id, location_ids, granted_at)
            values (@id, @user, @role, @tenant, @clinics, now())
            on conflict (user_id, role, tenant_id) do nothing
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("role", role.Code());
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.Add(new NpgsqlParameter("clinics", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)clinics ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
    }
}
