using Booking.Data.Staff;
using Booking.Staff.Access;

namespace Booking.Staff.SignIns;

/// <summary>Every staff sign-in attempt (<c>staff_sign_in_log</c>), and the page of it a tenant's administrators read:
/// the attempts on their staff's accounts (<see cref="StaffPermission.ViewSignInLog"/>), newest first.</summary>
public sealed class StaffSignInLog(SignInLogRepository log)
{
    public Task RecordAsync(SignInAttempt attempt, CancellationToken cancellationToken = default) =>
        log.RecordAsync(attempt.UserId, attempt.AttemptedName, attempt.SourceIp, DatabaseNames.Of(attempt.Step), DatabaseNames.Of(attempt.Outcome),
            cancellationToken);

    /// <summary>Up to <paramref name="size"/> attempts on accounts of the tenants where <paramref name="viewerId"/> may
    /// read the log, older than entry <paramref name="before"/> when given (the next page), newest first.</summary>
    public async Task<IReadOnlyList<SignInLogEntry>> PageAsync(Guid viewerId, long? before, int size, CancellationToken cancellationToken = default)
    {
        var rows = await log.PageAsync(StaffAccess.Grantee(viewerId, StaffPermission.ViewSignInLog), before, size, cancellationToken);
        return rows.Select(r => new SignInLogEntry(r.Id, r.OccurredAt, r.UserId, r.DisplayName, r.AttemptedName, r.SourceIp,
            DatabaseNames.Parse<SignInStage>(r.Step), DatabaseNames.Parse<SignInOutcome>(r.Outcome))).ToList();
    }
}
