using System.Globalization;
using Booking.Web.Components.Shared;
using Booking.Web.Site;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Web.ComponentTests;

public class ErrorSummaryTests
{
    private sealed class PageAddress : NavigationManager
    {
        public PageAddress(string uri) => Initialize("http://localhost/", uri);
    }

    private static async Task<string> RenderAsync(FieldErrors errors, string pageUri, string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var services = new ServiceCollection()
            .AddLocalization()
            .AddLogging()
            .AddSingleton<NavigationManager>(new PageAddress(pageUri))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<ErrorSummary>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Errors"] = errors })))
            .ToHtmlString());
    }

    [Fact]
    public async Task Each_error_links_to_its_field_on_the_current_page_in_the_pages_language()
    {
        var errors = new FieldErrors();
        errors.Add("firstName", "Écrivez votre prénom.");
        errors.Add("birthDate", "Écrivez votre date de naissance au format AAAA-MM-JJ.");

        var html = await RenderAsync(errors, "http://localhost/details?hold=abc&start=x", "fr-CA");

        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Veuillez corriger ce qui suit", html);
        Assert.True(html.Contains("<a href=\"details?hold=abc&amp;start=x#firstName\">"), html);
        Assert.True(html.IndexOf("#firstName", StringComparison.Ordinal) < html.IndexOf("#birthDate", StringComparison.Ordinal), "fields in page order");
    }

    [Fact]
    public async Task English_title_and_nothing_at_all_without_errors()
    {
        var errors = new FieldErrors();
        errors.Add("postalCode", "Write your postal code.");
        Assert.Contains("Please correct the following", await RenderAsync(errors, "http://localhost/search", "en-CA"));
        Assert.Equal("", (await RenderAsync(new FieldErrors(), "http://localhost/search", "en-CA")).Trim());
    }
}
