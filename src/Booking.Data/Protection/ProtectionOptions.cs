using System.ComponentModel.DataAnnotations;

namespace Booking.Data.Protection;

/// <summary>Where the application's secret keys live. The file is outside the database on purpose: a
/// stolen dump must not carry the means to read it (production: a key vault or HSM mounted as a file).</summary>
public sealed class ProtectionOptions
{
    public const string Section = "Booking:DataProtection";

    [Required]
    public string KeyFile { get; set; } = "";
}
