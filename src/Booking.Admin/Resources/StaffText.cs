namespace Booking.Admin.Resources;

/// <summary>The staff site's texts: <c>StaffText.fr.resx</c> (French, the default) and <c>StaffText.en.resx</c>.</summary>
public sealed class StaffText;
