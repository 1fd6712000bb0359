using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Midx.Tests.Support;

/// <summary>
/// One browser's worth of Google sign-in, step by step, over real HTTP: Midx's sign-in page and challenge, the
/// sandbox Google's account chooser, and Google's redirect back to Midx's callback. It keeps cookies and never
/// follows redirects, so a test can stop, copy or tamper with any step. Most tests want
/// <see cref="SignInExtensions.SignInAsync(MidxAppFactory, string, string?, CancellationToken)"/> instead.
/// </summary>
public sealed class SignInFlow : IDisposable
{
    public const string SessionCookieName = "midx.session";

    private static readonly HtmlParser Parser = new();

    public SignInFlow(MidxAppFactory app)
    {
        App = app;
        Cookies = new CookieContainer();
        BaseAddress = app.ServerAddress;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        {
            BaseAddress = BaseAddress,
        };
    }

    public MidxAppFactory App { get; }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress { get; }

    /// <summary>The session cookie, or null when this client is not signed in.</summary>
    public Cookie? SessionCookie => Cookies.GetCookies(BaseAddress).FirstOrDefault(c => c.Name == SessionCookieName && !c.Expired);

    /// <summary>Opens /signin and presses "Sign in with Google"; returns the sandbox Google URL Midx redirected to.</summary>
    public async Task<Uri> StartAsync(string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        var page = await GetDocumentAsync(returnUrl is null ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", cancellationToken);
        var form = page.QuerySelector<IHtmlFormElement>("form[data-signin-google]")
            ?? throw new InvalidOperationException("The sign-in page has no Google sign-in form.");
        using var response = await PostFormAsync(form, [], cancellationToken);
        return await RedirectTargetAsync(response, "the Google challenge", cancellationToken);
    }

    /// <summary>Shows the sandbox account chooser for an authorization URL.</summary>
    public Task<IHtmlDocument> OpenChooserAsync(Uri authorizeUrl, CancellationToken cancellationToken = default) =>
        GetDocumentAsync(authorizeUrl.ToString(), cancellationToken);

    /// <summary>Picks one of the chooser's listed test identities; returns the callback URL Google redirects to.</summary>
    public async Task<Uri> ChooseListedAsync(Uri authorizeUrl, string email, CancellationToken cancellationToken = default)
    {
        var chooser = await OpenChooserAsync(authorizeUrl, cancellationToken);
        var form = chooser.QuerySelector<IHtmlFormElement>("form[data-account-chooser]")
            ?? throw new InvalidOperationException("The sandbox chooser has no account list.");
        using var response = await PostFormAsync(form, [new("identity", email)], cancellationToken);
        return await RedirectTargetAsync(response, $"choosing {email}", cancellationToken);
    }

    /// <summary>Signs in as any account through "Use another account"; returns the callback URL Google redirects to.</summary>
    public async Task<Uri> ChooseCustomAsync(
        Uri authorizeUrl, string email, string name, string? subject = null, CancellationToken cancellationToken = default)
    {
        var chooser = await OpenChooserAsync(authorizeUrl, cancellationToken);
        var form = chooser.QuerySelector<IHtmlFormElement>("form[data-custom-account]")
            ?? throw new InvalidOperationException("The sandbox chooser has no custom account form.");
        using var response = await PostFormAsync(form,
            [new("custom_email", email), new("custom_name", name), new("custom_sub", subject ?? ""), new("identity", "custom")],
            cancellationToken);
        return await RedirectTargetAsync(response, $"signing in as {email}", cancellationToken);
    }

    /// <summary>Presses "Deny" on the chooser; returns the callback URL (carrying error=access_denied).</summary>
    public async Task<Uri> DenyAsync(Uri authorizeUrl, CancellationToken cancellationToken = default)
    {
        var chooser = await OpenChooserAsync(authorizeUrl, cancellationToken);
        var form = chooser.QuerySelector<IHtmlFormElement>("form[data-account-chooser]")
            ?? throw new InvalidOperationException("The sandbox chooser has no account list.");
        using var response = await PostFormAsync(form, [new("decision", "deny")], cancellationToken);
        return await RedirectTargetAsync(response, "denying consent", cancellationToken);
    }

    /// <summary>Follows Google's redirect to Midx's callback; returns where Midx sends the browser next.</summary>
    public async Task<Uri> CompleteAsync(Uri callbackUrl, CancellationToken cancellationToken = default)
    {
        using var response = await Client.GetAsync(callbackUrl, cancellationToken);
        return await RedirectTargetAsync(response, "Midx's Google callback", cancellationToken);
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string url, CancellationToken cancellationToken = default)
    {
        using var response = await Client.GetAsync(url, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {html}");
        }

        return await Parser.ParseDocumentAsync(html, cancellationToken);
    }

    /// <summary>Submits a page's form with its hidden fields (antiforgery token included) plus the given values.</summary>
    public Task<HttpResponseMessage> PostFormAsync(
        IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken = default)
    {
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(values)
            .ToList();
        var action = form.GetAttribute("action") ?? throw new InvalidOperationException("The form has no action.");
        return Client.PostAsync(action, new FormUrlEncodedContent(fields), cancellationToken);
    }

    public void Dispose() => Client.Dispose();

    private async Task<Uri> RedirectTargetAsync(HttpResponseMessage response, string step, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            || response.Headers.Location is null)
        {
            throw new InvalidOperationException(
                $"Expected a redirect from {step}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return new Uri(BaseAddress, response.Headers.Location);
    }
}
