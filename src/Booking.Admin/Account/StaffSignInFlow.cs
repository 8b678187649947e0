using System.Security.Claims;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Booking.Admin.Account;

/// <summary>Where a password sign-in leads.</summary>
public enum PasswordOutcome { Refused, LockedOut, ChangeInitialPassword, EnrolAuthenticator, EnterCode }

/// <summary>Where an authenticator code leads.</summary>
public enum CodeOutcome { SignedIn, Refused, LockedOut, Expired }

/// <summary>
/// The staff sign-in, step by step. No session reaches a citizen's record without both factors: a password alone opens
/// either the code step (Identity's two-factor cookie) or, before an authenticator is enrolled, the short-lived
/// enrolment cookie that only reaches the first-sign-in pages (change the initial password, enrol, confirm a code).
/// Failed passwords and codes both count towards the temporary lockout.
/// </summary>
public sealed class StaffSignInFlow(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IHttpContextAccessor http)
{
    private static readonly Lazy<string> UnknownAccountHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("Sign-in runs within a request.");

    public async Task<PasswordOutcome> PasswordAsync(string email, string password)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            // As slow as checking a real password, so the answer's timing does not tell which addresses have accounts.
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownAccountHash.Value, password);
            return PasswordOutcome.Refused;
        }
        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account before hashing: as slow as any other answer, so timing tells nothing.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? UnknownAccountHash.Value, password);
            return PasswordOutcome.LockedOut;
        }
        if (user.TwoFactorEnabled)
        {
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            return result.RequiresTwoFactor ? PasswordOutcome.EnterCode : result.IsLockedOut ? PasswordOutcome.LockedOut : PasswordOutcome.Refused;
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
            return check.IsLockedOut ? PasswordOutcome.LockedOut : PasswordOutcome.Refused;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.UserName!)], StaffSchemes.Enrolment);
        await Context.SignInAsync(StaffSchemes.Enrolment, new ClaimsPrincipal(identity));
        return user.MustChangePassword ? PasswordOutcome.ChangeInitialPassword : PasswordOutcome.EnrolAuthenticator;
    }

    /// <summary>The person between their password and their first authenticator code (enrolment cookie), if any; never
    /// someone enrolled already, whose key is not shown again.</summary>
    public async Task<StaffUser?> EnrollingUserAsync() =>
        (await Context.AuthenticateAsync(StaffSchemes.Enrolment)).Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
        && await users.FindByIdAsync(id) is { TwoFactorEnabled: false } user
            ? user
            : null;

    public async Task<IdentityResult> ChangeInitialPasswordAsync(StaffUser user, string current, string replacement)
    {
        var result = await users.ChangePasswordAsync(user, current, replacement);
        if (!result.Succeeded)
            return result;
        user.MustChangePassword = false;
        return await users.UpdateAsync(user);
    }

    /// <summary>The key the authenticator app is set up with; a new one until enrolment is confirmed.</summary>
    public async Task<string> AuthenticatorKeyAsync(StaffUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
            return key;
        await users.ResetAuthenticatorKeyAsync(user);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>Turns two-factor sign-in on once the app shows the right code, and opens the session (both factors given).</summary>
    public async Task<bool> ConfirmAuthenticatorAsync(StaffUser user, string code)
    {
        if (user.MustChangePassword
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)))
            return false;
        await users.SetTwoFactorEnabledAsync(user, true);
        await Context.SignOutAsync(StaffSchemes.Enrolment);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffSchemes.MethodsClaim, StaffSchemes.MultiFactor)]);
        return true;
    }

    public async Task<CodeOutcome> CodeAsync(string code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return CodeOutcome.Expired;
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Digits(code), isPersistent: false, rememberClient: false);
        return result.Succeeded ? CodeOutcome.SignedIn : result.IsLockedOut ? CodeOutcome.LockedOut : CodeOutcome.Refused;
    }

    /// <summary>Whether the two-factor step was reached (a password was just accepted).</summary>
    public async Task<bool> AwaitingCodeAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    // Apps show "123 456"; people type it so.
    private static string Digits(string code) => new(code.Where(char.IsAsciiDigit).ToArray());
}
