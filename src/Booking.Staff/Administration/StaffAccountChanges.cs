using Booking.Data.Notifications;
using Booking.Data.Staff;
using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Booking.Staff.Administration;

/// <summary>
/// What an administrator does to a staff account: create it, suspend and reactivate it, reset its authenticator, make
/// its owner change their password. Each change is one transaction with its audit row and the e-mail that tells the
/// person (<see cref="StaffChange"/>). Suspending, resetting the authenticator and requiring a new password end the
/// person's sessions at once (<see cref="StaffAccountWrites"/>).
/// </summary>
public sealed class StaffAccountChanges(
    StaffIdentityContext context,
    UserManager<StaffUser> users,
    StaffAccess access,
    StaffAccountGuard guard,
    TimeProvider clock)
{
    public async Task<(StaffChangeOutcome Outcome, CreatedStaffAccount? Account)> CreateAsync(StaffActor actor, NewStaffAccount request,
        CancellationToken cancellationToken = default)
    {
        var email = request.Email?.Trim();
        var name = request.DisplayName?.Trim();
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(name) || name.Length > 200 || request.Language is not ("fr" or "en"))
            return (StaffChangeOutcome.InvalidInput, null);
        if (!await access.AllowsAsync(actor.UserId, StaffPermission.ManageStaff, StaffScope.OfTenant(request.TenantId), cancellationToken))
            return (StaffChangeOutcome.BeyondScope, null);
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TenantId = request.TenantId,
            Language = request.Language, MustChangePassword = !request.Invite, LockoutEnabled = true,
        };
        // Invited, the account has no password at all until the person chooses one through the link.
        var password = request.Invite ? null : FirstPassword.New(users.Options.Password.RequiredLength);
        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? StaffChangeOutcome.EmailTaken : StaffChangeOutcome.InvalidInput, null);
        if (password is null)
            await StaffInvitations.IssueAsync(change, user.Id, user.TenantId, actor.UserId, clock.GetUtcNow(), cancellationToken);
        else
            await change.RecordAsync(StaffAccountEvent.AccountCreated, user.Id, user.TenantId, "", cancellationToken);
        await change.CommitAsync(cancellationToken);
        return (StaffChangeOutcome.Done, new CreatedStaffAccount(user.Id, password));
    }

    public Task<StaffChangeOutcome> SuspendAsync(StaffActor actor, Guid accountId, CancellationToken cancellationToken = default) =>
        ApplyAsync(actor, accountId, StaffAccountEvent.AccountSuspended, StaffAccountWrites.SuspendAsync, cancellationToken);

    public Task<StaffChangeOutcome> ReactivateAsync(StaffActor actor, Guid accountId, CancellationToken cancellationToken = default) =>
        ApplyAsync(actor, accountId, StaffAccountEvent.AccountReactivated, StaffAccountWrites.ReactivateAsync, cancellationToken);

    /// <summary>The person enrols an authenticator again at their next sign-in; their recovery codes go with the old one.</summary>
    public Task<StaffChangeOutcome> ResetAuthenticatorAsync(StaffActor actor, Guid accountId, CancellationToken cancellationToken = default) =>
        ApplyAsync(actor, accountId, StaffAccountEvent.AuthenticatorReset, StaffAccountWrites.ResetAuthenticatorAsync, cancellationToken);

    /// <summary>The person must choose a new password after both factors at their next sign-in, before anything else.</summary>
    public Task<StaffChangeOutcome> RequirePasswordChangeAsync(StaffActor actor, Guid accountId, CancellationToken cancellationToken = default) =>
        ApplyAsync(actor, accountId, StaffAccountEvent.PasswordChangeRequired, StaffAccountWrites.RequirePasswordChangeAsync, cancellationToken);

    private async Task<StaffChangeOutcome> ApplyAsync(StaffActor actor, Guid accountId, StaffAccountEvent action,
        Func<NpgsqlTransaction, Guid, DateTimeOffset, CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        var (allowed, account) = await guard.CheckAsync(actor, accountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return allowed;
        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        if (!await write(change.Transaction, accountId, clock.GetUtcNow(), cancellationToken))
            return StaffChangeOutcome.Unchanged;
        await change.RecordAsync(action, accountId, account!.TenantId, "", cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Done;
    }
}
