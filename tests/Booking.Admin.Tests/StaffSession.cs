using System.Net;
using System.Text.RegularExpressions;

namespace Booking.Admin.Tests;

/// <summary>One person's visits to the admin host over real HTTP: a cookie jar, redirects left for the test to see,
/// and form posts the way a browser makes them (the form's hidden fields, antiforgery token included).</summary>
public sealed partial class StaffSession(Uri site) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = site };

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Loads <paramref name="page"/>, fills the form named <paramref name="formName"/> (its handler name, or its
    /// action for a form posting to an endpoint) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var html = await _http.GetStringAsync(page);
        var form = Forms().Matches(html).Select(m => m.Value).SingleOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"") || f.Contains($"action=\"{formName}\""))
            ?? throw new InvalidOperationException($"No form '{formName}' on {page}:\n{html}");
        var values = HiddenInputs().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
            values[name] = value;
        var action = Action().Match(form).Groups["action"].Value;
        return await _http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Password, then authenticator code: the whole sign-in of an enrolled person.</summary>
    public async Task SignInAsync(StaffMember member)
    {
        var password = await SubmitAsync("signin", "signin", new Dictionary<string, string> { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password });
        Assert.Equal("/signin/code", Redirect(password));
        var code = await SubmitAsync("signin/code", "code", new Dictionary<string, string> { ["Input.Code"] = member.CurrentCode() });
        Assert.Equal("/bookings", Redirect(code));
    }

    /// <summary>Where a response sends the browser (its path), or null when it is not a redirect.</summary>
    public static string? Redirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            ? response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : response.Headers.Location!.OriginalString.Split('?')[0]
            : null;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"")]
    private static partial Regex Action();
}
