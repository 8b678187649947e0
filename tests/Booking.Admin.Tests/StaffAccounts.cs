using System.Globalization;
using Booking.Staff.Access;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using OtpNet;

namespace Booking.Admin.Tests;

/// <summary>A staff member created for one test, through the host's own <see cref="UserManager{TUser}"/>.</summary>
public sealed record StaffMember(Guid Id, string Email, string Password, string? AuthenticatorKey)
{
    /// <summary>The code the person's authenticator app shows now (RFC 6238: SHA-1, 6 digits, 30 s).</summary>
    public string CurrentCode() => CodeFor(AuthenticatorKey ?? throw new InvalidOperationException("Not enrolled."));

    public static string CodeFor(string base32Key) => Totp(base32Key).ComputeTotp();

    /// <summary>The code the app will show in the next 30-second step, accepted already (the window reaches ahead):
    /// a second sign-in need not wait for the app, since each code is accepted once.</summary>
    public string NextCode() => Totp(AuthenticatorKey!).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    // Keys are shown in lower-case groups of four; base 32 is upper case without spaces.
    private static Totp Totp(string base32Key) => new(Base32Encoding.ToBytes(base32Key.Replace(" ", "").ToUpperInvariant()));

    /// <summary>A six-digit code the app does not show in the accepted window (Identity accepts a step either side of now).</summary>
    public string WrongCode()
    {
        var totp = Totp(AuthenticatorKey!);
        var accepted = Enumerable.Range(-2, 5).Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("000000", CultureInfo.InvariantCulture)).First(code => !accepted.Contains(code));
    }
}

/// <summary>A role given to a test's staff member: over a tenant, or at given clinics of it.</summary>
public sealed record RoleGrant(StaffRole Role, Guid Tenant, Guid[]? Clinics = null)
{
    public static RoleGrant At(StaffRole role, Guid tenant, params Guid[] clinics) => new(role, tenant, clinics);
}

public static class StaffAccounts
{
    public const string InitialPassword = "Initial-Password-2026";

    /// <summary>A new account as an administrator would create it: the initial password, to change at first sign-in.
    /// A contact-centre agent of its tenant (who may look up the tenant's bookings) unless roles are given.</summary>
    public static Task<StaffMember> NewAsync(this AdminFixture fixture, Guid tenant, params RoleGrant[] roles) =>
        CreateAsync(fixture.Services, fixture.Database.DataSource, tenant, enrolled: false, roles);

    /// <summary>A person who has changed their password and enrolled an authenticator already. A contact-centre agent
    /// of its tenant unless roles are given.</summary>
    public static Task<StaffMember> EnrolledAsync(this AdminFixture fixture, Guid tenant, params RoleGrant[] roles) =>
        CreateAsync(fixture.Services, fixture.Database.DataSource, tenant, enrolled: true, roles);

    /// <inheritdoc cref="EnrolledAsync(AdminFixture, Guid, RoleGrant[])"/>
    public static Task<StaffMember> EnrolledAsync(IServiceProvider staffSite, NpgsqlDataSource database, Guid tenant, params RoleGrant[] roles) =>
        CreateAsync(staffSite, database, tenant, enrolled: true, roles);

    /// <summary>An enrolled person who holds no role at all.</summary>
    public static Task<StaffMember> WithoutRolesAsync(this AdminFixture fixture, Guid tenant) =>
        CreateAsync(fixture.Services, fixture.Database.DataSource, tenant, enrolled: true, [], agentUnlessGiven: false);

    private static async Task<StaffMember> CreateAsync(IServiceProvider staffSite, NpgsqlDataSource database, Guid tenant, bool enrolled, RoleGrant[] roles,
        bool agentUnlessGiven = true)
    {
        if (roles.Length == 0 && agentUnlessGiven)
            roles = [new RoleGrant(StaffRole.ContactCentreAgent, tenant)];
        using var scope = staffSite.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"staff-{Guid.NewGuid():N}@test.example";
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test", TenantId = tenant,
            MustChangePassword = !enrolled, LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, InitialPassword));
        foreach (var role in roles)
            await GrantAsync(database, user.Id, role);
        if (!enrolled)
            return new StaffMember(user.Id, email, InitialPassword, null);
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new StaffMember(user.Id, email, InitialPassword, await users.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Grants a role as the demo seed does, straight into the table (the administration pages are tested apart).</summary>
    private static async Task GrantAsync(NpgsqlDataSource database, Guid userId, RoleGrant role)
    {
        await using var command = database.CreateCommand("""
            insert into staff_role_assignments (id, user_id, role, tenant_id, location_ids, granted_at) values (@id, @user, @role, @tenant, @clinics, now())
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("role", role.Role.Code());
        command.Parameters.AddWithValue("tenant", role.Tenant);
        command.Parameters.Add(new NpgsqlParameter("clinics", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (object?)role.Clinics ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
