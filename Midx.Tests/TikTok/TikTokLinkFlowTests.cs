using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Sandbox.TikTok;
using Midx.App.TikTok;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

/// <summary>Linking, the accounts page, refresh and disconnect, through the running app and the sandbox TikTok.</summary>
public sealed class TikTokLinkFlowTests
{
    [Fact]
    public async Task Link_ApprovedWithEveryScope_AccountsPageShowsTheAccount()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "grace@sandbox.midx.test");

        var empty = await journey.AccountsAsync();
        var landing = await journey.LinkAsync();
        var page = await journey.AccountsAsync(landing);

        Assert.NotNull(empty.QuerySelector("[data-accounts-empty] form[data-link-tiktok]"));
        Assert.Equal("Linked", journey.NoticeOf(page)?.Code);
        var account = page.QuerySelector("[data-account]")!;
        Assert.Equal("Avery Stone", account.QuerySelector("[data-display-name]")?.TextContent);
        Assert.Equal("@avery.creates", account.QuerySelector("[data-username]")?.TextContent);
        Assert.StartsWith("http", account.QuerySelector("img[data-avatar]")?.GetAttribute("src"));
        Assert.Equal("active", account.QuerySelector("[data-token-health]")?.GetAttribute("data-token-health"));
        Assert.Contains("renews automatically in 19 h", account.TextContent);
        Assert.All(account.QuerySelectorAll("[data-scope]"), li => Assert.Equal("true", li.GetAttribute("data-granted")));
        Assert.Null(account.QuerySelector("[data-missing-scopes]"));
        Assert.NotNull(account.QuerySelector("button[data-disconnect]"));
        Assert.Null(page.QuerySelector("[data-accounts-empty]"));
    }

    [Fact]
    public async Task Link_VideoPublishUnticked_PageSaysDirectPostIsOffAndOffersReconnect()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "lin@sandbox.midx.test");

        var landing = await journey.LinkAsync(scopes: ["user.info.basic", "user.info.profile", "video.upload", "video.list"]);
        var page = await journey.AccountsAsync(landing);

        var publish = page.QuerySelector("[data-scope='video.publish']")!;
        Assert.Equal("false", publish.GetAttribute("data-granted"));
        Assert.Contains("Direct Post is off", publish.TextContent);
        Assert.Contains("video.publish", publish.TextContent);
        var reconnect = page.QuerySelector("[data-missing-scopes] form[data-link-tiktok]");
        Assert.NotNull(reconnect);
        Assert.Contains("Reconnect", reconnect!.TextContent);
        Assert.Equal("true", page.QuerySelector("[data-scope='video.upload']")?.GetAttribute("data-granted"));
    }

    [Fact]
    public async Task Link_Declined_SaysNoAccountWasLinked()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "dee@sandbox.midx.test");

        var callback = await journey.ConsentAsync(await journey.StartAsync(), "Deny");
        var page = await journey.AccountsAsync(await journey.CallbackAsync(callback));

        Assert.Contains("error=access_denied", callback.Query);
        Assert.Equal("Declined", journey.NoticeOf(page)?.Code);
        Assert.Contains("no account was linked", journey.NoticeOf(page)!.Text);
        Assert.NotNull(page.QuerySelector("[data-accounts-empty]"));
    }

    [Fact]
    public async Task Callback_ForgedOrReplayedState_IsRefusedWithAClearMessage()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "forge@sandbox.midx.test");
        var callback = await journey.ConsentAsync(await journey.StartAsync());
        var forged = new Uri(callback.ToString().Replace("state=", "state=forged"));

        var refused = await journey.AccountsAsync(await journey.CallbackAsync(forged));
        var linked = await journey.AccountsAsync(await journey.CallbackAsync(callback));
        var replayed = await journey.AccountsAsync(await journey.CallbackAsync(callback));

        Assert.Equal("InvalidState", journey.NoticeOf(refused)?.Code);
        Assert.Contains("could not be verified", journey.NoticeOf(refused)!.Text);
        Assert.Equal("Linked", journey.NoticeOf(linked)?.Code);
        Assert.Equal("InvalidState", journey.NoticeOf(replayed)?.Code);
    }

    [Fact]
    public async Task Callback_StateOfAnotherSignedInUser_IsRefused()
    {
        using var app = new MidxAppFactory();
        var attacker = await TikTokLinkJourney.SignInAsync(app, "mallory@sandbox.midx.test");
        var victim = await TikTokLinkJourney.SignInAsync(app, "victor@sandbox.midx.test");
        var attackersCallback = await attacker.ConsentAsync(await attacker.StartAsync());

        var page = await victim.AccountsAsync(await victim.CallbackAsync(attackersCallback));

        Assert.Equal("InvalidState", victim.NoticeOf(page)?.Code);
        Assert.NotNull(page.QuerySelector("[data-accounts-empty]"));
    }

    [Fact]
    public async Task Link_SameCreatorAgain_UpdatesButAnotherUserIsRefused()
    {
        using var app = new MidxAppFactory();
        var owner = await TikTokLinkJourney.SignInAsync(app, "owner@sandbox.midx.test");
        var other = await TikTokLinkJourney.SignInAsync(app, "other@sandbox.midx.test");
        await owner.LinkAsync("private");

        var again = await owner.AccountsAsync(await owner.LinkAsync("private"));
        var refused = await other.AccountsAsync(await other.LinkAsync("private"));

        Assert.Equal("Updated", owner.NoticeOf(again)?.Code);
        Assert.Single(again.QuerySelectorAll("[data-account]"));
        Assert.Equal("LinkedElsewhere", other.NoticeOf(refused)?.Code);
        Assert.Contains("already linked in another Midx workspace", other.NoticeOf(refused)!.Text);
        Assert.Empty(refused.QuerySelectorAll("[data-account]"));
    }

    [Fact]
    public async Task LinkAndDisconnect_PostsWithoutAntiforgeryToken_AreRejected()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "csrf@sandbox.midx.test");
        await journey.LinkAsync();
        var id = (await journey.AccountsAsync()).QuerySelector("[data-account]")!.GetAttribute("data-account");

        var link = await journey.Client.PostAsync("/tiktok/link", new FormUrlEncodedContent([]));
        var disconnect = await journey.Client.PostAsync($"/tiktok/accounts/{id}/disconnect", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, disconnect.StatusCode);
        Assert.Single((await journey.AccountsAsync()).QuerySelectorAll("[data-account]"));
    }

    [Fact]
    public async Task Disconnect_Reachable_RevokesAtTikTokAndEmptiesThePage()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "bye@sandbox.midx.test");
        var page = await journey.AccountsAsync(await journey.LinkAsync());

        var landing = await DisconnectAsync(journey, page);
        var after = await journey.AccountsAsync(landing);

        Assert.Equal("Disconnected", journey.NoticeOf(after)?.Code);
        Assert.NotNull(after.QuerySelector("[data-accounts-empty]"));
        Assert.Equal(1, await RequestCountAsync(journey.Client, "revoke"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        Assert.Empty(await db.TikTokAccounts.ToListAsync());
        Assert.Contains(await db.AuditEvents.Select(a => a.Action).ToListAsync(), a => a == TikTokAuditActions.Disconnected);
    }

    [Fact]
    public async Task Disconnect_TikTokUnreachable_DeletesHereAndTellsTheUser()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "offline@sandbox.midx.test");
        var page = await journey.AccountsAsync(await journey.LinkAsync());
        (await journey.Client.PostAsJsonAsync("/sandbox/tiktok/__test/faults", new { endpoint = "revoke", mode = "Abort" })).EnsureSuccessStatusCode();

        var after = await journey.AccountsAsync(await DisconnectAsync(journey, page));

        Assert.Equal("DisconnectedNotRevoked", journey.NoticeOf(after)?.Code);
        Assert.Contains("Manage app permissions", journey.NoticeOf(after)!.Text);
        Assert.NotNull(after.QuerySelector("[data-accounts-empty]"));
    }

    [Fact]
    public async Task Refresh_TwoAtOnceAgainstTikTok_MakeOneTokenCall()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "twice@sandbox.midx.test");
        await journey.LinkAsync();
        var accountId = await MakeDueAsync(app);
        var before = await RequestCountAsync(journey.Client, "token");
        (await journey.Client.PostAsJsonAsync("/sandbox/tiktok/__test/faults", new { endpoint = "token", mode = "Delay", delayMs = 300 })).EnsureSuccessStatusCode();

        var results = await Task.WhenAll(FreshTokenAsync(app, accountId), FreshTokenAsync(app, accountId));

        Assert.Equal(before + 1, await RequestCountAsync(journey.Client, "token"));
        Assert.Equal(results[0].AccessToken, results[1].AccessToken);
        Assert.Contains(results, r => r.Outcome == TokenRefreshOutcome.Refreshed);
        Assert.Contains(results, r => r.Outcome == TokenRefreshOutcome.StillFresh);
    }

    [Fact]
    public async Task Refresh_RefreshTokenNoLongerValid_AccountNeedsReconnectAndPageSaysSo()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "stale@sandbox.midx.test");
        await journey.LinkAsync();
        var accountId = await MakeDueAsync(app);
        // The grant moves on without Midx (e.g. a refresh from a copy of an old backup): Midx's refresh token is now stale.
        var (_, refresh) = await ReadTokensAsync(app, accountId);
        Assert.True((await app.Services.GetRequiredService<TikTokApiClient>().RefreshTokenAsync(refresh, CancellationToken.None)).IsSuccess);

        var result = await FreshTokenAsync(app, accountId);
        var page = await journey.AccountsAsync();

        Assert.Equal(TokenRefreshOutcome.NeedsReconnect, result.Outcome);
        Assert.Equal(ErrorCatalog.InvalidGrant, result.Error?.Code);
        var health = page.QuerySelector("[data-token-health]")!;
        Assert.Equal("needs-reconnect", health.GetAttribute("data-token-health"));
        Assert.Contains("Needs reconnect", health.TextContent);
        Assert.NotNull(health.QuerySelector("form[data-link-tiktok] button"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<MidxDbContext>().AuditEvents.Select(a => a.Action).ToListAsync(),
            a => a == TikTokAuditActions.NeedsReconnect);
    }

    [Fact]
    public async Task LinkAndRefresh_RawDatabaseFilesAndLogs_HoldNoTokenOrCode()
    {
        using var app = new MidxAppFactory();
        var journey = await TikTokLinkJourney.SignInAsync(app, "scan@sandbox.midx.test");
        var callback = await journey.ConsentAsync(await journey.StartAsync());
        await journey.CallbackAsync(callback);
        var accountId = await MakeDueAsync(app);
        var linked = await ReadTokensAsync(app, accountId);
        var refreshed = await FreshTokenAsync(app, accountId);
        var now = await ReadTokensAsync(app, accountId);
        Assert.Equal(TokenRefreshOutcome.Refreshed, refreshed.Outcome);

        var secrets = new[] { linked.Access, linked.Refresh, now.Access, now.Refresh, TikTokLinkJourney.Code(callback)!, TikTokFixtures.DefaultClientSecret };
        var raw = string.Concat(Directory.GetFiles(app.DataFolder, "midx.db*").Select(f => Encoding.Latin1.GetString(ReadShared(f))));
        Assert.Contains("avery.creates", raw); // the scan reads the real rows
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, raw);
            Assert.DoesNotContain(secret, app.Logs.AllText);
        }
    }

    private static async Task<Uri> DisconnectAsync(TikTokLinkJourney journey, IHtmlDocument page)
    {
        var accountId = page.QuerySelector("[data-account]")!.GetAttribute("data-account")!;
        using var response = await journey.Client.PostDialogFormAsync(AccountsPage.Path, TikTokEndpoints.DisconnectPath(Guid.Parse(accountId)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(journey.Session.BaseAddress, response.Headers.Location!.ToString());
    }

    private static async Task<int> RequestCountAsync(HttpClient client, string endpoint) =>
        (await client.GetFromJsonAsync<JsonElement>($"/sandbox/tiktok/__test/requests?endpoint={endpoint}")).GetArrayLength();

    /// <summary>Makes the only linked account's token due now, as if its lifetime had run out.</summary>
    private static async Task<Guid> MakeDueAsync(MidxAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var now = DateTime.UtcNow;
        await db.TikTokAccounts.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.AccessTokenExpiresAt, now.AddMinutes(1))
            .SetProperty(a => a.NextRefreshAttemptAt, now.AddMinutes(-1)));
        return await db.TikTokAccounts.Select(a => a.Id).SingleAsync();
    }

    private static async Task<TokenRefreshResult> FreshTokenAsync(MidxAppFactory app, Guid accountId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(accountId, CancellationToken.None);
    }

    private static async Task<(string Access, string Refresh)> ReadTokensAsync(MidxAppFactory app, Guid accountId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.AsNoTracking().SingleAsync(a => a.Id == accountId);
        var vault = app.Services.GetRequiredService<TikTokTokenVault>();
        Assert.True(vault.TryReadAccessToken(account, out var access, out _));
        Assert.True(vault.TryReadRefreshToken(account, out var refresh, out _));
        return (access, refresh);
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
