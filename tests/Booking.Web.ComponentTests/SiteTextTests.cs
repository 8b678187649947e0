using System.Xml.Linq;

namespace Booking.Web.ComponentTests;

public class SiteTextTests
{
    private static HashSet<string> Keys(string language)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "Booking.Web")))
            dir = dir.Parent;
        var file = Path.Combine(dir!.FullName, "src", "Booking.Web", "Resources", $"SiteText.{language}.resx");
        return XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
    }

    [Fact]
    public void Every_text_exists_in_french_and_in_english()
    {
        var french = Keys("fr");
        var english = Keys("en");
        Assert.Empty(french.Except(english));
        Assert.Empty(english.Except(french));
    }
}
