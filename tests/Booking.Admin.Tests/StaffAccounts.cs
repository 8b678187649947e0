using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
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
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("000000")).First(code => !accepted.Contains(code));
    }
}

public static class StaffAccounts
{
    public const string InitialPassword = "Initial-Password-2026";

    /// <summary>A new account as an administrator would create it: the initial password, to change at first sign-in.</summary>
    public static Task<StaffMember> NewAsync(this AdminFixture fixture, Guid tenant) => CreateAsync(fixture.Services, tenant, enrolled: false);

    /// <summary>A person who has changed their password and enrolled an authenticator already.</summary>
    public static Task<StaffMember> EnrolledAsync(this AdminFixture fixture, Guid tenant) => CreateAsync(fixture.Services, tenant, enrolled: true);

    /// <inheritdoc cref="EnrolledAsync(AdminFixture, Guid)"/>
    public static Task<StaffMember> EnrolledAsync(IServiceProvider staffSite, Guid tenant) => CreateAsync(staffSite, tenant, enrolled: true);

    private static async Task<StaffMember> CreateAsync(IServiceProvider staffSite, Guid tenant, bool enrolled)
    {
        using var scope = staffSite.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"staff-{Guid.NewGuid():N}@test.example";
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test", TenantId = tenant,
            MustChangePassword = !enrolled, LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, InitialPassword));
        if (!enrolled)
            return new StaffMember(user.Id, email, InitialPassword, null);
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new StaffMember(user.Id, email, InitialPassword, await users.GetAuthenticatorKeyAsync(user));
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
