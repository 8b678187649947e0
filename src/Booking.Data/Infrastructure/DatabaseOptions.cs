using System.ComponentModel.DataAnnotations;

namespace Booking.Data.Infrastructure;

public sealed class DatabaseOptions
{
    /// <summary>The name under <c>ConnectionStrings</c> used by every host: the application role.</summary>
    public const string ConnectionStringName = "Booking";

    /// <summary>The schema owner's connection, given only to whatever applies migrations (the tool's <c>migrate</c>,
    /// or a silo told to migrate on start).</summary>
    public const string MigrationsConnectionStringName = "BookingMigrations";

    [Required]
    public string ConnectionString { get; set; } = "";
}
