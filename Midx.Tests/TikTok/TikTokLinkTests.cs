using System.Net;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Errors;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

public sealed class TikTokLinkTests
{
    private const string RedirectUri = "https://midx.test/tiktok/callback";

    [Fact]
    public void HexChallenge_KnownVerifier_IsLowercaseHexSha256()
    {
        // SHA-256("abc") from FIPS 180-2; TikTok wants hex, not base64url
        // (https://developers.tiktok.com/doc/login-kit-desktop).
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TikTokPkce.HexChallenge("abc"));
    }

    [Fact]
    public void CreateVerifier_Always_Is64UnreservedCharactersAndNeverRepeats()
    {
        var first = TikTokPkce.CreateVerifier();
        var second = TikTokPkce.CreateVerifier();

        Assert.Equal(64, first.Length);
        Assert.Matches("^[A-Za-z0-9._~-]{64}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Start_SignedInUser_StoresStateAndSendsHexChallengeOfItsVerifier()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();

        var url = await Start(services, userId);

        var query = HttpUtility.ParseQueryString(url.Query);
        var state = await services.WithDbAsync(db => db.OAuthLinkStates.AsNoTracking().SingleAsync());
        Assert.Equal(state.Id, query["state"]);
        Assert.Equal(userId, state.UserId);
        Assert.Equal(services.Time.GetUtcNow().UtcDateTime.AddMinutes(10), state.ExpiresAt);
        Assert.Equal(TikTokPkce.HexChallenge(state.CodeVerifier), query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(TikTokOptions.DefaultScopes, query["scope"]);
        Assert.Equal(RedirectUri, query["redirect_uri"]);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_GrantedEverything_LinksAccountWithProfileEncryptedTokensAndAudit()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var state = HttpUtility.ParseQueryString((await Start(services, userId)).Query)["state"];
        var grant = TokenGrants.New();
        ScriptExchange(services, grant, username: "tiktoker");

        var result = await Complete(services, userId, new TikTokLinkCallback(state, "code*0!6410", grant.Scope, null, null));

        Assert.Equal(TikTokLinkOutcome.Linked, result.Outcome);
        Assert.Empty(result.MissingScopes!);
        var account = await services.WithDbAsync(db => db.TikTokAccounts.AsNoTracking().SingleAsync());
        Assert.Equal(result.AccountId, account.Id);
        Assert.Equal(userId, account.UserId);
        Assert.Equal(grant.OpenId, account.OpenId);
        Assert.Equal("union-1", account.UnionId);
        Assert.Equal("Tik Toker", account.DisplayName);
        Assert.Equal("tiktoker", account.Username);
        Assert.Equal("https://p16.test/a100.jpg", account.AvatarUrl);
        Assert.Equal(TikTokOptions.DefaultScopes, account.GrantedScopes);
        Assert.DoesNotContain(grant.AccessToken, account.AccessTokenCipher);
        Assert.Empty(await services.WithDbAsync(db => db.OAuthLinkStates.ToListAsync()));
        Assert.Equal(TikTokAuditActions.Linked, (await services.WithDbAsync(db => db.AuditEvents.SingleAsync())).Action);
        var requests = services.Handler.Requests.ToList();
        var exchange = requests[0].Form();
        var verifierState = exchange["code_verifier"];
        Assert.Equal("code*0!6410", exchange["code"]);
        Assert.Equal(RedirectUri, exchange["redirect_uri"]);
        Assert.Equal(64, verifierState.Length);
        Assert.Equal("Bearer " + grant.AccessToken, requests[1].Authorization);
        Assert.Contains("username", HttpUtility.ParseQueryString(requests[1].Uri.Query)["fields"]);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_UserUntickedScopes_LinksAndNamesWhatIsOffAndAsksOnlyAllowedFields()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var state = HttpUtility.ParseQueryString((await Start(services, userId)).Query)["state"];
        var grant = TokenGrants.New(scope: "user.info.basic,video.upload");
        ScriptExchange(services, grant, username: null);

        var result = await Complete(services, userId, new TikTokLinkCallback(state, "c", grant.Scope, null, null));

        Assert.Equal(TikTokLinkOutcome.Linked, result.Outcome);
        Assert.Equal(["user.info.profile", "video.publish", "video.list"], result.MissingScopes!.Select(s => s.Scope));
        Assert.Contains(result.MissingScopes!, s => s.Feature == "Direct Post");
        var fields = HttpUtility.ParseQueryString(services.Handler.Requests.ElementAt(1).Uri.Query)["fields"]!;
        Assert.DoesNotContain("username", fields);
        Assert.Contains("display_name", fields);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_SameOpenIdAgain_UpdatesTheOneAccount()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var first = TokenGrants.New();
        ScriptExchange(services, first, username: "old");
        await Complete(services, userId, new TikTokLinkCallback(StateOf(await Start(services, userId)), "c1", first.Scope, null, null));
        var second = TokenGrants.New(openId: first.OpenId);
        ScriptExchange(services, second, username: "renamed");

        var result = await Complete(services, userId, new TikTokLinkCallback(StateOf(await Start(services, userId)), "c2", second.Scope, null, null));

        Assert.Equal(TikTokLinkOutcome.Updated, result.Outcome);
        var account = await services.WithDbAsync(db => db.TikTokAccounts.AsNoTracking().SingleAsync());
        Assert.Equal("renamed", account.Username);
        Assert.True(services.Provider.GetRequiredService<TikTokTokenVault>().TryReadAccessToken(account, out var token, out _));
        Assert.Equal(second.AccessToken, token);
        Assert.Contains(TikTokAuditActions.Relinked, await services.WithDbAsync(db => db.AuditEvents.Select(a => a.Action).ToListAsync()));
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_OpenIdOfAnotherMidxUser_IsRefusedAndTheirAccountUntouched()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var owner = await services.LinkAccountAsync(TokenGrants.New(), "owner");
        var intruder = await services.AddUserAsync("intruder");
        var grant = TokenGrants.New(openId: owner.OpenId);
        ScriptExchange(services, grant, username: "owner");

        var result = await Complete(services, intruder, new TikTokLinkCallback(StateOf(await Start(services, intruder)), "c", grant.Scope, null, null));

        Assert.Equal(TikTokLinkOutcome.LinkedElsewhere, result.Outcome);
        var account = await services.WithDbAsync(db => db.TikTokAccounts.AsNoTracking().SingleAsync());
        Assert.Equal(owner.UserId, account.UserId);
        Assert.Equal(owner.AccessTokenCipher, account.AccessTokenCipher);
        Assert.Equal(TikTokAuditActions.LinkRefused, (await services.WithDbAsync(db => db.AuditEvents.SingleAsync())).Action);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_StateStartedByAnotherUser_IsRefusedWithoutCallingTikTok()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var victim = await services.AddUserAsync("victim");
        var attacker = await services.AddUserAsync("attacker");
        var state = StateOf(await Start(services, attacker));

        var result = await Complete(services, victim, new TikTokLinkCallback(state, "attackers-code", "user.info.basic", null, null));

        Assert.Equal(TikTokLinkOutcome.InvalidState, result.Outcome);
        Assert.Empty(services.Handler.Requests);
        Assert.Empty(await services.WithDbAsync(db => db.TikTokAccounts.ToListAsync()));
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged-state")]
    public async Task Complete_MissingOrUnknownState_IsRefused(string? state)
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();

        var result = await Complete(services, userId, new TikTokLinkCallback(state, "c", "user.info.basic", null, null));

        Assert.Equal(TikTokLinkOutcome.InvalidState, result.Outcome);
        Assert.Empty(services.Handler.Requests);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_StateUsedTwice_SecondIsRefused()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var state = StateOf(await Start(services, userId));
        var grant = TokenGrants.New();
        ScriptExchange(services, grant, username: "u");
        await Complete(services, userId, new TikTokLinkCallback(state, "c", grant.Scope, null, null));

        var replay = await Complete(services, userId, new TikTokLinkCallback(state, "c", grant.Scope, null, null));

        Assert.Equal(TikTokLinkOutcome.InvalidState, replay.Outcome);
        Assert.Equal(2, services.Handler.Requests.Count);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_StateOlderThanItsLifetime_IsExpired()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var state = StateOf(await Start(services, userId));
        services.Time.Advance(TimeSpan.FromMinutes(10));

        var result = await Complete(services, userId, new TikTokLinkCallback(state, "c", "user.info.basic", null, null));

        Assert.Equal(TikTokLinkOutcome.Expired, result.Outcome);
        Assert.Empty(services.Handler.Requests);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Theory]
    [InlineData("access_denied", TikTokLinkOutcome.Declined)]
    [InlineData("invalid_scope", TikTokLinkOutcome.TikTokRefused)]
    [InlineData("server_error", TikTokLinkOutcome.TikTokRefused)]
    public async Task Complete_TikTokSentError_EndsWithoutExchange(string error, TikTokLinkOutcome outcome)
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var state = StateOf(await Start(services, userId));

        var result = await Complete(services, userId, new TikTokLinkCallback(state, null, null, error, "The user denied."));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(error, result.Error?.Code.Value);
        Assert.Empty(services.Handler.Requests);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_CodeRejected_ReturnsTikTokRefusedWithCode()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var state = StateOf(await Start(services, userId));
        services.Handler.Reply((_, _) => Task.FromResult(TokenGrants.InvalidGrant()));

        var result = await Complete(services, userId, new TikTokLinkCallback(state, "used-code", "user.info.basic", null, null));

        Assert.Equal(TikTokLinkOutcome.TikTokRefused, result.Outcome);
        Assert.Equal(ErrorCatalog.InvalidGrant, result.Error?.Code);
        Assert.Empty(await services.WithDbAsync(db => db.TikTokAccounts.ToListAsync()));
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Complete_TikTokUnreachable_ReturnsUnreachable()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var state = StateOf(await Start(services, userId));
        services.Handler.Reply((_, _) => throw new HttpRequestException("Connection refused"));

        var result = await Complete(services, userId, new TikTokLinkCallback(state, "c", "user.info.basic", null, null));

        Assert.Equal(TikTokLinkOutcome.Unreachable, result.Outcome);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Disconnect_Reachable_RevokesDeletesAndAudits()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New();
        var account = await services.LinkAccountAsync(grant);
        services.Handler.Reply(HttpStatusCode.OK, "{}");

        var result = await Disconnect(services, account.UserId!.Value, account.Id);

        Assert.Equal(TikTokDisconnectOutcome.Revoked, result.Outcome);
        var revoke = services.Handler.Single();
        Assert.EndsWith("/v2/oauth/revoke/", revoke.Uri.AbsolutePath);
        Assert.Equal(grant.AccessToken, revoke.Form()["token"]);
        Assert.Empty(await services.WithDbAsync(db => db.TikTokAccounts.ToListAsync()));
        var audit = await services.WithDbAsync(db => db.AuditEvents.SingleAsync());
        Assert.Equal(TikTokAuditActions.Disconnected, audit.Action);
        Assert.Contains("revoked at TikTok", audit.Detail);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Disconnect_TikTokUnreachable_StillDeletesAndSaysSo()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var account = await services.LinkAccountAsync(TokenGrants.New());
        services.Handler.Reply((_, _) => throw new HttpRequestException("Connection refused"));

        var result = await Disconnect(services, account.UserId!.Value, account.Id);

        Assert.Equal(TikTokDisconnectOutcome.DeletedButNotRevoked, result.Outcome);
        Assert.Empty(await services.WithDbAsync(db => db.TikTokAccounts.ToListAsync()));
        Assert.Contains("not revoked", (await services.WithDbAsync(db => db.AuditEvents.SingleAsync())).Detail);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Disconnect_AccessTokenExpired_RefreshesThenRevokesTheNewToken()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        var fresh = TokenGrants.New(openId: grant.OpenId);
        services.Handler.Reply((_, _) => Task.FromResult(TokenGrants.Response(fresh))).Reply(HttpStatusCode.OK, null);
        services.Time.Advance(TimeSpan.FromHours(3));

        var result = await Disconnect(services, account.UserId!.Value, account.Id);

        Assert.Equal(TikTokDisconnectOutcome.Revoked, result.Outcome);
        Assert.Equal(fresh.AccessToken, services.Handler.Requests.Last().Form()["token"]);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Disconnect_SomeoneElsesAccount_IsNotFoundAndUntouched()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var account = await services.LinkAccountAsync(TokenGrants.New());
        var other = await services.AddUserAsync("other");

        var result = await Disconnect(services, other, account.Id);

        Assert.Equal(TikTokDisconnectOutcome.NotFound, result.Outcome);
        Assert.Single(await services.WithDbAsync(db => db.TikTokAccounts.ToListAsync()));
        Assert.Empty(services.Handler.Requests);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    private static async Task<Uri> Start(TikTokTestServices services, Guid userId) =>
        await services.InScopeAsync(sp => sp.GetRequiredService<StartTikTokLinkCommand>().ExecuteAsync(userId, userId, RedirectUri, CancellationToken.None))
        ?? throw new InvalidOperationException("The person may not link accounts in their own workspace.");

    private static Task<TikTokLinkResult> Complete(TikTokTestServices services, Guid userId, TikTokLinkCallback callback) =>
        services.InScopeAsync(sp => sp.GetRequiredService<CompleteTikTokLinkCommand>().ExecuteAsync(userId, callback, RedirectUri, CancellationToken.None));

    private static Task<TikTokDisconnectResult> Disconnect(TikTokTestServices services, Guid userId, Guid accountId) =>
        services.InScopeAsync(sp => sp.GetRequiredService<DisconnectTikTokAccountCommand>().ExecuteAsync(userId, accountId, TikTokDisconnectPurpose.UserAsked, CancellationToken.None));

    private static string StateOf(Uri authorize) => HttpUtility.ParseQueryString(authorize.Query)["state"]!;

    private static void ScriptExchange(TikTokTestServices services, TikTokTokenGrant grant, string? username)
    {
        services.Handler.Reply((_, _) => Task.FromResult(TokenGrants.Response(grant)));
        var user = System.Text.Json.JsonSerializer.Serialize(new
        {
            open_id = grant.OpenId,
            union_id = "union-1",
            avatar_url = "https://p16.test/a.jpg",
            avatar_url_100 = "https://p16.test/a100.jpg",
            display_name = "Tik Toker",
            username,
        });
        services.Handler.Reply(HttpStatusCode.OK, $$$"""{"data":{"user":{{{user}}}},"error":{"code":"ok","message":"","log_id":"U1"}}""");
    }
}
