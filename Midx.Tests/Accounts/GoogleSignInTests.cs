using System.Net;
using AngleSharp.Dom;
using Midx.App.Sandbox.Google;
using Midx.Core.Admin;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

/// <summary>The whole Google sign-in over real HTTP against the sandbox Google, and every way it can go wrong.</summary>
public sealed class GoogleSignInTests : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task SignIn_ThroughSandboxGoogle_CreatesUserAndSessionAndShowsThemInHeader()
    {
        using var flow = new SignInFlow(_app);

        var authorize = await flow.StartAsync(returnUrl: "/privacy");
        var callback = await flow.ChooseListedAsync(authorize, "grace@sandbox.midx.test");
        var landing = await flow.CompleteAsync(callback);

        Assert.Equal("/privacy", landing.PathAndQuery);
        Assert.NotNull(flow.SessionCookie);
        Assert.True(flow.SessionCookie!.HttpOnly);
        var home = await flow.GetDocumentAsync("/");
        Assert.Equal("Grace Hopper", home.QuerySelector("[data-user-name]")?.TextContent);
        Assert.Contains("/sandbox/google/avatar/", home.QuerySelector(".midx-user img")?.GetAttribute("src"));
        Assert.Null(home.QuerySelector("a[href='/admin']"));

        var user = Assert.Single(await _app.UsersAsync());
        Assert.Equal(SandboxGoogleIdentity.SubjectFor("grace@sandbox.midx.test"), user.GoogleSubject);
        Assert.Equal("grace@sandbox.midx.test", user.Email);
        Assert.Equal("Grace Hopper", user.Name);
        Assert.StartsWith(_app.ServerAddress.GetLeftPart(UriPartial.Authority) + "/sandbox/google/avatar/", user.AvatarUrl);
        Assert.False(user.IsAdmin);
        var signedIn = Assert.Single(await _app.AuditAsync(AuditActions.SignedIn));
        Assert.Equal(user.Id, signedIn.ActorUserId);
    }

    [Fact]
    public async Task SignIn_AuthorizationRequest_UsesPkceS256StateScopesAndAccountChooser()
    {
        using var flow = new SignInFlow(_app);

        var authorize = await flow.StartAsync();

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("/sandbox/google/authorize", authorize.AbsolutePath);
        Assert.Equal(SandboxGoogleOptions.DefaultClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("openid email profile", query["scope"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal("select_account", query["prompt"]);
        Assert.Equal($"{_app.ServerAddress.GetLeftPart(UriPartial.Authority)}/account/signin/google/callback", query["redirect_uri"]);
    }

    [Fact]
    public async Task SignIn_SandboxChallenge_RedirectsToAbsoluteAuthorizeUrlOnOwnOriginWithEveryParameter()
    {
        // Not through SignInFlow.StartAsync, which resolves the Location against the app's address: a relative
        // authorize endpoint is what makes the Google handler drop the query, so the raw header is what counts.
        using var flow = new SignInFlow(_app);
        var page = await flow.GetDocumentAsync("/signin");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[data-signin-google]")!;

        using var response = await flow.PostFormAsync(form, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(location.IsAbsoluteUri, $"The authorize redirect {location} is relative.");
        Assert.Equal(_app.ServerAddress.GetLeftPart(UriPartial.Authority) + "/sandbox/google/authorize", location.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(SandboxGoogleOptions.DefaultClientId, query["client_id"]);
        Assert.Equal($"{_app.ServerAddress.GetLeftPart(UriPartial.Authority)}/account/signin/google/callback", query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
    }

    [Theory]
    [InlineData(nameof(SandboxGoogleUserInfoFault.RevokedToken))]
    [InlineData(nameof(SandboxGoogleUserInfoFault.Unavailable))]
    public async Task SignIn_UserInfoFailsAfterExchange_EndsOnProfileErrorPageWithoutSession(string fault)
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:SandboxGoogle:UserInfoFault"] = fault });
        using var flow = new SignInFlow(app);
        var authorize = await flow.StartAsync(returnUrl: "/privacy");
        var callback = await flow.ChooseListedAsync(authorize, "grace@sandbox.midx.test");

        var landing = await flow.CompleteAsync(callback);

        var page = await AssertErrorPageWithoutSessionAsync(flow, landing, "profile");
        Assert.Contains("didn't tell us who you are", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("/signin?returnUrl=%2Fprivacy", page.QuerySelector("[data-signin-error] a[data-signin-retry]")?.GetAttribute("href"));
        Assert.Empty(await app.UsersAsync());
        var refused = Assert.Single(await app.AuditAsync(AuditActions.SignInRefused));
        Assert.Equal("profile", refused.Detail);
        Assert.DoesNotContain("ya29.sandbox-", app.Logs.AllText);
    }

    [Fact]
    public async Task SignIn_ForgedState_EndsOnErrorPageWithoutSession()
    {
        using var flow = new SignInFlow(_app);
        var authorize = await flow.StartAsync();
        var callback = await flow.ChooseListedAsync(authorize, "grace@sandbox.midx.test");

        var forged = new Uri(callback.GetLeftPart(UriPartial.Path)
            + "?code=" + Uri.EscapeDataString(Query(callback, "code")) + "&state=CfDJ8forged-state-that-midx-never-issued");
        var landing = await flow.CompleteAsync(forged);

        await AssertErrorPageWithoutSessionAsync(flow, landing, "state");
        Assert.Empty(await _app.UsersAsync());
    }

    [Fact]
    public async Task SignIn_CallbackFromAnotherBrowser_EndsOnErrorPageWithoutSession()
    {
        using var victim = new SignInFlow(_app);
        var authorize = await victim.StartAsync();
        var callback = await victim.ChooseListedAsync(authorize, "grace@sandbox.midx.test");

        // Someone who captured the callback URL, but not the browser's correlation cookie, replays it.
        using var attacker = new SignInFlow(_app);
        var landing = await attacker.CompleteAsync(callback);

        await AssertErrorPageWithoutSessionAsync(attacker, landing, "state");
        Assert.Empty(await _app.UsersAsync());
    }

    [Fact]
    public async Task SignIn_ReplayedCode_IsRefusedByGoogleAndEndsOnErrorPageWithoutSession()
    {
        using var first = new SignInFlow(_app);
        var authorize = await first.StartAsync();
        var callback = await first.ChooseListedAsync(authorize, "grace@sandbox.midx.test");

        // A perfect copy of the browser (correlation cookie included), so only Google's single-use rule can stop it.
        using var replay = new SignInFlow(_app);
        foreach (Cookie cookie in first.Cookies.GetAllCookies())
        {
            replay.Cookies.Add(cookie);
        }

        var firstLanding = await first.CompleteAsync(callback);
        Assert.Equal("/", firstLanding.AbsolutePath);
        Assert.NotNull(first.SessionCookie);

        var landing = await replay.CompleteAsync(callback);

        await AssertErrorPageWithoutSessionAsync(replay, landing, "exchange");
        Assert.Contains("The code is unknown, expired or already used.", _app.Logs.AllText);
        Assert.Single(await _app.AuditAsync(AuditActions.SignedIn));
    }

    [Fact]
    public async Task SignIn_WrongPkceVerifier_IsRefusedByGoogleAndEndsOnErrorPageWithoutSession()
    {
        using var flow = new SignInFlow(_app);
        var authorizeA = await flow.StartAsync();
        var authorizeB = await flow.StartAsync();
        var callbackA = await flow.ChooseListedAsync(authorizeA, "grace@sandbox.midx.test");

        // Code A arrives with state B: Midx presents B's verifier, which does not match A's challenge.
        var mixed = new Uri(callbackA.GetLeftPart(UriPartial.Path)
            + "?code=" + Uri.EscapeDataString(Query(callbackA, "code")) + "&state=" + Uri.EscapeDataString(Query(authorizeB, "state")));
        var landing = await flow.CompleteAsync(mixed);

        await AssertErrorPageWithoutSessionAsync(flow, landing, "exchange");
        Assert.Contains("Invalid code verifier.", _app.Logs.AllText);
        Assert.Empty(await _app.UsersAsync());
    }

    [Fact]
    public async Task SignIn_WrongClientSecret_IsRefusedByGoogleAndEndsOnErrorPageWithoutSession()
    {
        // Google's registered secret no longer matches the one Midx presents (a rotated secret).
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:SandboxGoogle:ClientSecret"] = "rotated-secret-midx-does-not-know" });
        using var flow = new SignInFlow(app);
        var authorize = await flow.StartAsync();
        var callback = await flow.ChooseListedAsync(authorize, "grace@sandbox.midx.test");

        var landing = await flow.CompleteAsync(callback);

        await AssertErrorPageWithoutSessionAsync(flow, landing, "exchange");
        Assert.Empty(await app.UsersAsync());
        Assert.Contains("invalid_client", app.Logs.AllText);
        Assert.DoesNotContain(SandboxGoogleOptions.DefaultClientSecret, app.Logs.AllText);
    }

    [Fact]
    public async Task SignIn_DeniedConsent_EndsOnErrorPageWithoutSessionAndIsAudited()
    {
        using var flow = new SignInFlow(_app);
        var authorize = await flow.StartAsync(returnUrl: "/privacy");

        var callback = await flow.DenyAsync(authorize);
        Assert.Equal("access_denied", Query(callback, "error"));
        var landing = await flow.CompleteAsync(callback);

        var page = await AssertErrorPageWithoutSessionAsync(flow, landing, "denied");
        Assert.Empty(await _app.UsersAsync());
        Assert.Contains("didn't give Midx access", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("/signin?returnUrl=%2Fprivacy", page.QuerySelector("[data-signin-error] a[data-signin-retry]")?.GetAttribute("href"));
        var refused = Assert.Single(await _app.AuditAsync(AuditActions.SignInRefused));
        Assert.Equal("denied", refused.Detail);
    }

    [Fact]
    public async Task SignIn_UnverifiedEmail_IsRefusedWithClearPageAndCreatesNoUser()
    {
        using var flow = new SignInFlow(_app);
        var authorize = await flow.StartAsync();
        var callback = await flow.ChooseListedAsync(authorize, "unverified@sandbox.midx.test");

        var landing = await flow.CompleteAsync(callback);

        var page = await AssertErrorPageWithoutSessionAsync(flow, landing, "unverified-email");
        Assert.Empty(await _app.UsersAsync());
        Assert.Contains("isn't verified", page.QuerySelector("h1")?.TextContent);
        var refused = Assert.Single(await _app.AuditAsync(AuditActions.SignInRefused));
        Assert.Equal("unverified-email", refused.Detail);
    }

    [Fact]
    public async Task SignIn_SecondTime_UpdatesTheSameUser()
    {
        using var first = await _app.SignInFlowAsync("sam@example.test", "Sam First");
        var created = Assert.Single(await _app.UsersAsync());

        using var second = await _app.SignInFlowAsync("sam@example.test", "Sam Second");

        var updated = Assert.Single(await _app.UsersAsync());
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal("Sam Second", updated.Name);
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.True(updated.LastSeenAt >= created.LastSeenAt);
        Assert.Equal(2, (await _app.AuditAsync(AuditActions.SignedIn)).Count);
    }

    [Fact]
    public async Task SignIn_SameGoogleAccountWithNewEmail_UpdatesTheUserMatchedBySubject()
    {
        using var before = await _app.SignInFlowAsync("old@example.test", "Kim", subject: "100000000000000000042");

        using var after = await _app.SignInFlowAsync("new@example.test", "Kim", subject: "100000000000000000042");

        var user = Assert.Single(await _app.UsersAsync());
        Assert.Equal("new@example.test", user.Email);
        Assert.Equal("100000000000000000042", user.GoogleSubject);
    }

    [Fact]
    public async Task SignIn_OtherGoogleAccountWithSameEmail_IsADifferentUser()
    {
        using var owner = await _app.SignInFlowAsync("shared@example.test", "Owner", subject: "100000000000000000001");

        using var other = await _app.SignInFlowAsync("shared@example.test", "Other", subject: "100000000000000000002");

        var users = await _app.UsersAsync();
        Assert.Equal(2, users.Count);
        Assert.Equal(["100000000000000000001", "100000000000000000002"], users.Select(u => u.GoogleSubject).Order());
    }

    [Fact]
    public async Task SignIn_DisabledUser_IsRefusedWithClearPage()
    {
        using var before = await _app.SignInFlowAsync("gone@example.test", "Gone");
        var user = await _app.UserByEmailAsync("gone@example.test");
        await _app.UpdateUserAsync(user.Id, u => u.IsDisabled = true);

        using var flow = new SignInFlow(_app);
        var authorize = await flow.StartAsync();
        var callback = await flow.ChooseCustomAsync(authorize, "gone@example.test", "Gone");
        var landing = await flow.CompleteAsync(callback);

        var page = await AssertErrorPageWithoutSessionAsync(flow, landing, "disabled");
        Assert.Contains("disabled", page.QuerySelector("h1")?.TextContent);
        var refused = Assert.Single(await _app.AuditAsync(AuditActions.SignInRefused));
        Assert.Equal(user.Id, refused.SubjectUserId);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_ReturnUrlToAnotherSite_LandsOnHomeInstead(string returnUrl)
    {
        using var flow = new SignInFlow(_app);
        var authorize = await flow.StartAsync(returnUrl);
        var callback = await flow.ChooseListedAsync(authorize, "alan@sandbox.midx.test");

        var landing = await flow.CompleteAsync(callback);

        Assert.Equal(_app.ServerAddress.GetLeftPart(UriPartial.Authority) + "/", landing.ToString());
    }

    [Fact]
    public async Task SignIn_Endpoints_AreRateLimitedPerClient()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:SignIn:PermitsPerMinute"] = "2" });
        using var flow = new SignInFlow(app);
        var page = await flow.GetDocumentAsync("/signin");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[data-signin-google]")!;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await flow.PostFormAsync(form, []);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        using var other = await flow.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_WholeFlow_NeverLogsCodesTokensOrSecrets()
    {
        using var flow = new SignInFlow(_app);
        var authorize = await flow.StartAsync();
        var callback = await flow.ChooseListedAsync(authorize, "grace@sandbox.midx.test");
        await flow.CompleteAsync(callback);
        await flow.CompleteAsync(callback);

        var logs = _app.Logs.AllText;
        Assert.Contains("signed in with Google", logs);
        Assert.DoesNotContain(Query(callback, "code"), logs);
        Assert.DoesNotContain(SandboxGoogleOptions.DefaultClientSecret, logs);
        Assert.DoesNotContain("ya29.sandbox-", logs);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> AssertErrorPageWithoutSessionAsync(
        SignInFlow flow, Uri landing, string reason)
    {
        Assert.Equal("/signin/error", landing.AbsolutePath);
        Assert.Equal(reason, Query(landing, "reason"));
        Assert.Null(flow.SessionCookie);
        var page = await flow.GetDocumentAsync(landing.PathAndQuery);
        Assert.NotNull(page.QuerySelector($"[data-signin-error='{reason}']"));
        Assert.NotNull(page.QuerySelector("a[href^='/signin']"));
        Assert.Null(page.QuerySelector("[data-user-name]"));
        return page;
    }

    private static string Query(Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : "";

    public void Dispose() => _app.Dispose();
}
