using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Booking.Admin.Tests;

/// <summary>One person's visits to the admin host over real HTTP: a cookie jar, redirects left for the test to see,
/// and form posts the way a browser makes them (the form's hidden fields, antiforgery token included). Each session
/// connects from its own loopback address (127.0.0.0/8 is all local on Linux), as distinct clients do, so the
/// per-address limit on sign-in posts counts each test's posts apart.</summary>
public sealed partial class StaffSession : IDisposable
{
    private static int _lastAddress = 1;
    private readonly Uri _site;
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;

    public StaffSession(Uri site)
    {
        _site = site;
        var n = Interlocked.Increment(ref _lastAddress);
        SourceAddress = new IPAddress([127, 0, (byte)(n / 250), (byte)(n % 250 + 1)]);
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = _cookies, ConnectCallback = ConnectFromSourceAsync })
        {
            BaseAddress = site,
        };
    }

    /// <summary>The address the admin host sees this session's requests come from.</summary>
    public IPAddress SourceAddress { get; }

    /// <summary>Another client holding a copy of this session's cookies as they are now: what someone who took them
    /// from the browser or the network would replay.</summary>
    public StaffSession WithCopiedCookies() => WithCopiedCookies(_site);

    /// <summary>The same, sent to another host of the site (another port of this machine).</summary>
    public StaffSession WithCopiedCookies(Uri site)
    {
        var copy = new StaffSession(site);
        foreach (var cookie in _cookies.GetAllCookies().Cast<Cookie>())
            copy._cookies.Add(site, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        return copy;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Loads <paramref name="page"/>, fills the form named <paramref name="formName"/> (its handler name, or its
    /// action for a form posting to an endpoint) and submits it. A field may come more than once (ticked boxes).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string formName, IEnumerable<KeyValuePair<string, string>> fields) =>
        await SubmitAsync(await LoadFormAsync(page, formName), fields);

    /// <summary>The form named <paramref name="formName"/> on <paramref name="page"/> as it is now, with its hidden fields
    /// (antiforgery token, version…), to be submitted later: what a person who keeps a page open a while posts.</summary>
    public async Task<StaffForm> LoadFormAsync(string page, string formName) => FormIn(await PageTextAsync(page), page, formName);

    /// <summary>The form named <paramref name="formName"/> in a page already fetched (a form that only a post's answer shows).</summary>
    public static StaffForm FormIn(string html, string page, string formName)
    {
        var form = Forms().Matches(html).Select(m => m.Value).SingleOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"") || f.Contains($"action=\"{formName}\""))
            ?? throw new InvalidOperationException($"No form '{formName}' on {page}:\n{html}");
        var values = HiddenInputs().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        var action = WebUtility.HtmlDecode(Action().Match(form).Groups["action"].Value);
        return new StaffForm(action.Length > 0 ? action : page, values);
    }

    /// <summary>Posts <paramref name="form"/> with its hidden fields, each replaced by a field of the same name given.</summary>
    public Task<HttpResponseMessage> SubmitAsync(StaffForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var filled = fields.ToList();
        var values = form.HiddenFields.Where(hidden => filled.All(field => field.Key != hidden.Key)).Concat(filled);
        return _http.PostAsync(form.Action, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts a form of <paramref name="path"/> (by its handler name) without loading that page first, with an
    /// antiforgery token taken from <paramref name="tokenPage"/>: what someone does who may not open the page but wants
    /// its action (the token is this session's own, valid for any form).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string handler, string tokenPage, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var html = await PageTextAsync(tokenPage);
        var token = HiddenInputs().Matches(html).First(m => m.Groups["name"].Value == "__RequestVerificationToken").Groups["value"].Value;
        var values = new List<KeyValuePair<string, string>> { new("_handler", handler), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)) };
        values.AddRange(fields ?? []);
        return await _http.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>A page's status and its text (HTML-decoded), once its redirects are followed as a browser does.</summary>
    public async Task<(HttpStatusCode Status, string Html)> PageAsync(string path)
    {
        var response = await FollowAsync(await _http.GetAsync(path));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Password, then authenticator code (the app's current one unless told): the whole sign-in of an enrolled
    /// person, through to the staff site's own session, which the identity server's sign-in opens.</summary>
    public async Task SignInAsync(StaffMember member, string? code = null)
    {
        Assert.Equal("/signin/code", Redirect(await SubmitAsync("signin", "signin", Password(member))));
        Assert.Equal("/", await LandingAsync(await SubmitAsync("signin/code", "code", Code(code ?? member.CurrentCode()))));
    }

    /// <summary>The path of the page a browser ends on when it follows <paramref name="response"/>'s redirects: through
    /// the identity server's endpoints and back, where a session is missing or ends.</summary>
    public async Task<string> LandingAsync(HttpResponseMessage response) => (await FollowAsync(response)).RequestMessage!.RequestUri!.AbsolutePath;

    // A page as a browser shows it: through the identity server and back when the site has no session yet.
    private async Task<string> PageTextAsync(string path) =>
        await (await FollowAsync(await _http.GetAsync(path))).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

    /// <summary>The answer a browser ends on when it follows <paramref name="response"/>'s redirects.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; Redirect(response) is not null; hops++)
        {
            Assert.True(hops < 10, $"More than ten redirects, the last from {response.RequestMessage!.RequestUri}.");
            response = await _http.GetAsync(new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!));
        }
        return response;
    }

    /// <summary>The key the enrolment page shows, as shown (lower case, groups of four).</summary>
    public async Task<string> AuthenticatorKeyOnPageAsync()
    {
        var html = await (await GetAsync("signin/authenticator")).Content.ReadAsStringAsync();
        return AuthenticatorKey().Match(html).Groups["key"].Value;
    }

    /// <summary>The sign-in form's fields: the person's address and their password, or another.</summary>
    public static Dictionary<string, string> Password(StaffMember member, string? password = null) =>
        new() { ["Input.Email"] = member.Email, ["Input.Password"] = password ?? member.Password };

    /// <summary>The code form's field (sign-in and enrolment).</summary>
    public static Dictionary<string, string> Code(string code) => new() { ["Input.Code"] = code };

    /// <summary>Where a response sends the browser (its path), or null when it is not a redirect.</summary>
    public static string? Redirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            ? response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : response.Headers.Location!.OriginalString.Split('?')[0]
            : null;

    public void Dispose() => _http.Dispose();

    private async ValueTask<Stream> ConnectFromSourceAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(SourceAddress, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"")]
    private static partial Regex Action();

    [GeneratedRegex("id=\"authenticator-key\">(?<key>[a-z2-7 ]+)<")]
    private static partial Regex AuthenticatorKey();
}

/// <summary>A form as loaded: where it posts and its hidden fields.</summary>
public sealed record StaffForm(string Action, IReadOnlyDictionary<string, string> HiddenFields);
