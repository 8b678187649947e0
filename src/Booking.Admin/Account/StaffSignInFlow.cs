using System.Security.Claims;
using Booking.Data.Staff;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;
using Booking.Staff.SignIns;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Booking.Admin.Account;

/// <summary>Where a password sign-in leads.</summary>
public enum PasswordOutcome { Refused, LockedOut, Suspended, ChangeInitialPassword, EnrolAuthenticator, EnterCode }

/// <summary>Where an authenticator or recovery code leads.</summary>
public enum CodeOutcome { SignedIn, ChangePassword, Refused, LockedOut, Suspended, Expired }

/// <summary>
/// The staff sign-in, step by step. No session reaches a citizen's record without both factors: a password alone opens
/// either the code step (Identity's two-factor cookie) or, before an authenticator is enrolled, the short-lived
/// enrolment cookie that only reaches the first-sign-in pages (change the initial password, enrol, confirm a code).
/// The second factor is the authenticator's code or one of the person's recovery codes. Failed passwords and codes
/// all count towards the temporary lockout; a suspended account is told so only once its password is right. Every
/// attempt is written to the sign-in log.
/// </summary>
public sealed class StaffSignInFlow(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    AccountSuspension suspension,
    StaffRecoveryCodes recoveryCodes,
    StaffSignInLog log,
    IHttpContextAccessor http)
{
    private static readonly Lazy<string> UnknownAccountHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("Sign-in runs within a request.");

    public async Task<PasswordOutcome> PasswordAsync(string email, string password)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            // As slow as checking a real password, so the answer's timing does not tell which addresses have accounts.
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownAccountHash.Value, password);
            await LogAsync(null, users.NormalizeEmail(email), SignInStage.Password, SignInOutcome.UnknownAccount);
            return PasswordOutcome.Refused;
        }
        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account before hashing: as slow as any other answer, so timing tells nothing.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? UnknownAccountHash.Value, password);
            return await PasswordLoggedAsync(user, PasswordOutcome.LockedOut);
        }
        if (await suspension.IsSuspendedAsync(user.Id))
        {
            var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            return await PasswordLoggedAsync(user, check.Succeeded ? PasswordOutcome.Suspended : check.IsLockedOut ? PasswordOutcome.LockedOut : PasswordOutcome.Refused);
        }
        if (user.TwoFactorEnabled)
        {
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            return await PasswordLoggedAsync(user, result.RequiresTwoFactor ? PasswordOutcome.EnterCode : result.IsLockedOut ? PasswordOutcome.LockedOut : PasswordOutcome.Refused);
        }
        var verified = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!verified.Succeeded)
            return await PasswordLoggedAsync(user, verified.IsLockedOut ? PasswordOutcome.LockedOut : PasswordOutcome.Refused);
        await OpenEnrolmentAsync(user);
        return await PasswordLoggedAsync(user, user.MustChangePassword ? PasswordOutcome.ChangeInitialPassword : PasswordOutcome.EnrolAuthenticator);
    }

    /// <summary>The short-lived enrolment cookie of a person whose password was just accepted or chosen (through an
    /// invitation): it reaches the first-sign-in pages only, until an authenticator is enrolled.</summary>
    public Task OpenEnrolmentAsync(StaffUser user)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.UserName!)], StaffSchemes.Enrolment);
        return Context.SignInAsync(StaffSchemes.Enrolment, new ClaimsPrincipal(identity));
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

    /// <summary>Turns two-factor sign-in on once the app shows the right code, opens the session (both factors given)
    /// and makes the person's recovery codes.</summary>
    /// <returns>The recovery codes, to show this once; null when the code was refused.</returns>
    public async Task<IReadOnlyList<string>?> ConfirmAuthenticatorAsync(StaffUser user, string code)
    {
        if (user.MustChangePassword || await suspension.IsSuspendedAsync(user.Id)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)))
        {
            await LogAsync(user.Id, user.NormalizedEmail!, SignInStage.Enrolment, SignInOutcome.WrongCode);
            return null;
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await Context.SignOutAsync(StaffSchemes.Enrolment);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffSchemes.MethodsClaim, StaffSchemes.MultiFactor)]);
        await LogAsync(user.Id, user.NormalizedEmail!, SignInStage.Enrolment, SignInOutcome.SignedIn);
        return await recoveryCodes.RegenerateAsync(user, new StaffActor(user.Id, Context.Connection.RemoteIpAddress));
    }

    public async Task<CodeOutcome> CodeAsync(string code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return CodeOutcome.Expired;
        if (await suspension.IsSuspendedAsync(user.Id))
            return await CodeLoggedAsync(user, SignInStage.Code, CodeOutcome.Suspended);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Digits(code), isPersistent: false, rememberClient: false);
        return await CodeLoggedAsync(user, SignInStage.Code, result.Succeeded ? SignedIn(user) : result.IsLockedOut ? CodeOutcome.LockedOut : CodeOutcome.Refused);
    }

    /// <summary>The second step with a recovery code instead of the authenticator's: the code is used up whatever
    /// happens next, and a wrong one counts towards the lockout like a wrong authenticator code.</summary>
    public async Task<CodeOutcome> RecoveryCodeAsync(string code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return CodeOutcome.Expired;
        if (await users.IsLockedOutAsync(user))
            return await CodeLoggedAsync(user, SignInStage.RecoveryCode, CodeOutcome.LockedOut);
        if (await suspension.IsSuspendedAsync(user.Id))
            return await CodeLoggedAsync(user, SignInStage.RecoveryCode, CodeOutcome.Suspended);
        if (!await recoveryCodes.TryUseAsync(user.Id, code))
        {
            await users.AccessFailedAsync(user);
            return await CodeLoggedAsync(user, SignInStage.RecoveryCode, await users.IsLockedOutAsync(user) ? CodeOutcome.LockedOut : CodeOutcome.Refused);
        }
        // What Identity does after a good second factor: forget the failures, leave the two-factor step, open the session.
        await users.ResetAccessFailedCountAsync(user);
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffSchemes.MethodsClaim, StaffSchemes.MultiFactor)]);
        return await CodeLoggedAsync(user, SignInStage.RecoveryCode, SignedIn(user));
    }

    /// <summary>Whether the two-factor step was reached (a password was just accepted).</summary>
    public async Task<bool> AwaitingCodeAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    // Apps show "123 456"; people type it so.
    private static string Digits(string code) => new(code.Where(char.IsAsciiDigit).ToArray());

    // An administrator may require a new password of an enrolled person: they choose it right after both factors.
    private static CodeOutcome SignedIn(StaffUser user) => user.MustChangePassword ? CodeOutcome.ChangePassword : CodeOutcome.SignedIn;

    private async Task<PasswordOutcome> PasswordLoggedAsync(StaffUser user, PasswordOutcome outcome)
    {
        await LogAsync(user.Id, user.NormalizedEmail!, SignInStage.Password, outcome switch
        {
            PasswordOutcome.LockedOut => SignInOutcome.LockedOut,
            PasswordOutcome.Suspended => SignInOutcome.Suspended,
            PasswordOutcome.Refused => SignInOutcome.WrongPassword,
            _ => SignInOutcome.PasswordAccepted,
        });
        return outcome;
    }

    private async Task<CodeOutcome> CodeLoggedAsync(StaffUser user, SignInStage step, CodeOutcome outcome)
    {
        await LogAsync(user.Id, user.NormalizedEmail!, step, outcome switch
        {
            CodeOutcome.SignedIn or CodeOutcome.ChangePassword => SignInOutcome.SignedIn,
            CodeOutcome.LockedOut => SignInOutcome.LockedOut,
            CodeOutcome.Suspended => SignInOutcome.Suspended,
            _ => step == SignInStage.RecoveryCode ? SignInOutcome.WrongRecoveryCode : SignInOutcome.WrongCode,
        });
        return outcome;
    }

    private Task LogAsync(Guid? userId, string attemptedName, SignInStage step, SignInOutcome outcome) =>
        log.RecordAsync(new SignInAttempt(userId, attemptedName, Context.Connection.RemoteIpAddress, step, outcome));
}
