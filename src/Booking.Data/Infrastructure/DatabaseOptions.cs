using System.ComponentModel.DataAnnotations;

namespace Booking.Data.Infrastructure;

public sealed class DatabaseOptions
{
    /// <summary>The name under <c>ConnectionStrings</c> used by every host.</summary>
    public const string ConnectionStringName = "Booking";

    [Required]
    public string ConnectionString { get; set; } = "";
}
