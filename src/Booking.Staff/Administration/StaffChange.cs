using Booking.Data.Notifications;
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

    private NpgsqlTransaction Transaction => (NpgsqlTransaction)_transaction.GetDbTransaction();

    public static async Task<StaffChange> BeginAsync(StaffIdentityContext context, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        return new StaffChange(transaction, (NpgsqlConnection)context.Database.GetDbConnection(), actor);
    }

    /// <summary>A statement of the change, in its transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, _connection, Transaction);

    /// <summary>Records what was done to <paramref name="targetUserId"/> (of tenant <paramref name="tenantId"/>) and
    /// queues the e-mail that tells them.</summary>
    public async Task RecordAsync(StaffAccountEvent action, Guid targetUserId, Guid tenantId, string detail, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into staff_account_audit (actor_id, source_ip, target_user_id, tenant_id, action, detail)
            values (@actor, @ip, @target, @tenant, @action, @detail)
            """;
        await using (var command = Command(sql))
        {
            command.Parameters.AddWithValue("actor", _actor.UserId);
            command.Parameters.AddWithValue("ip", (object?)_actor.SourceIp ?? DBNull.Value);
            command.Parameters.AddWithValue("target", targetUserId);
            command.Parameters.AddWithValue("tenant", tenantId);
            command.Parameters.AddWithValue("action", DatabaseNames.Of(action));
            command.Parameters.AddWithValue("detail", detail);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await StaffOutbox.EnqueueAsync(_connection, Transaction, targetUserId, action, detail, cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => _transaction.CommitAsync(cancellationToken);

    /// <summary>Not committed: rolled back, nothing of the change remains.</summary>
    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
