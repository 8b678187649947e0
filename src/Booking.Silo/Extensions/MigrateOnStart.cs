using Booking.Data.Infrastructure;

namespace Booking.Silo.Extensions;

/// <summary>Brings the schema (ours and Orleans') up to date before the silo starts, as the schema's owner; safe with
/// many silos.</summary>
public sealed class MigrateOnStart(MigrationRunner migrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
