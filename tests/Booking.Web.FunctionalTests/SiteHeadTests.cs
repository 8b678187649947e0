using System.Net;
using System.Text.RegularExpressions;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>What a browser and a search engine read before the page: a description in the page's language, and an icon
/// that is served (without one, every page logs a 404 for /favicon.ico).</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class SiteHeadTests(PlatformFixture platform)
{
    [GeneratedRegex("""<meta name="description" content="([^"]+)"[^>]*>""")]
    private static partial Regex Description();

    [GeneratedRegex("""<link rel="icon" [^>]*href="([^"]+)"[^>]*>""")]
    private static partial Regex Icon();

    [Theory]
    [InlineData("/?lang=fr", "Prenez rendez-vous en ligne pour une vaccination")]
    [InlineData("/?lang=en", "Book a vaccination, a flu shot or a blood test online")]
    [InlineData("/privacy-complaint?lang=en", "Book a vaccination, a flu shot or a blood test online")]
    public async Task A_page_has_a_description_in_its_language_and_an_icon_that_is_served(string page, string description)
    {
        var html = await platform.Http.GetStringAsync(page);

        var described = Description().Match(html);
        var linked = Icon().Match(html);

        Assert.True(described.Success && linked.Success, $"No description or no icon in the page's head:\n{html[..Math.Min(html.Length, 1200)]}");
        Assert.StartsWith(description, WebUtility.HtmlDecode(described.Groups[1].Value));
        var icon = await platform.Http.GetAsync(linked.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }
}
