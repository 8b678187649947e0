using System.ComponentModel.DataAnnotations;

namespace Booking.Passes;

/// <summary>Where the pass signing keys are: by default the platform's key file (<c>Booking:DataProtection:KeyFile</c>),
/// which <c>Booking.Tool init-keys</c> gives a first signing key.</summary>
public sealed class AppointmentPassOptions
{
    public const string Section = "Booking:Passes";
    public const string SharedKeyFileSetting = "Booking:DataProtection:KeyFile";

    [Required]
    public string KeyFile { get; set; } = "";
}
