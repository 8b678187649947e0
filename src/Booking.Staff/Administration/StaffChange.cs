using Booking.Data.Notifications;
using Booking.Data.Staff;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Booking.Staff.Administration;

/// <summary>
/// One change to a staff account, all or nothing: the change itself, its audit row (who, from where, when, to whom,
/// what) and the e-mail that tells the person, in one transaction. It runs on the Identity context's connection, so an
/// account created through Identity's <c>UserManager</c> commits with its audit row and message too.
/// </summary>
public sealed class StaffChange : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly StaffActor _actor;
    private readonly NpgsqlConnection _connection;

    private StaffChange(IDbContextTransaction transaction, NpgsqlConnection connection, StaffActor actor)
    {
        _transaction = transaction;
        _connection = connection;
        _actor = actor;
    }

    /// <summary>The change's transaction, for the statements of <see cref="StaffAccountWrites"/> and the like.</summary>
    public NpgsqlTransaction Transaction => (NpgsqlTransaction)_transaction.GetDbTransaction();

    public static async Task<StaffChange> BeginAsync(StaffIdentityContext context, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        return new StaffChange(transaction, (NpgsqlConnection)context.Database.GetDbConnection(), actor);
    }

    /// <summary>Records what was done to <paramref name="targetUserId"/> (of tenant <paramref name="tenantId"/>) and
    /// queues the e-mail that tells them.</summary>
    public async Task RecordAsync(StaffAccountEvent action, Guid targetUserId, Guid tenantId, string detail, CancellationToken cancellationToken = default)
    {
        await StaffAccountWrites.RecordAsync(Transaction, _actor.UserId, _actor.SourceIp, targetUserId, tenantId, DatabaseNames.Of(action), detail, cancellationToken);
        await StaffOutbox.EnqueueAsync(_connection, Transaction, targetUserId, action, detail, cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => _transaction.CommitAsync(cancellationToken);

    /// <summary>Not committed: rolled back, nothing of the change remains.</summary>
    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
