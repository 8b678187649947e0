namespace Booking.Web.Resources;

/// <summary>The site's texts: <c>SiteText.fr.resx</c> (French, the default) and <c>SiteText.en.resx</c>.</summary>
public sealed class SiteText;
