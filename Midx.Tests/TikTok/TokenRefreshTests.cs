using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Errors;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

public sealed class TokenRefreshTests
{
    private static Task<TokenRefreshResult> Refresh(TikTokTestServices services, Guid accountId, TokenRefreshReason reason) =>
        services.InScopeAsync(sp => sp.GetRequiredService<RefreshTikTokTokenCommand>().ExecuteAsync(accountId, reason, CancellationToken.None));

    [Fact]
    public async Task ExecuteAsync_Due_SavesRotatedRefreshTokenAndExpiryFromExpiresIn()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var old = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(old);
        var rotated = TokenGrants.New(expiresIn: 3600, refreshExpiresIn: 600_000, openId: old.OpenId, scope: "user.info.basic,video.list");
        services.Handler.Reply((_, _) => Task.FromResult(TokenGrants.Response(rotated)));
        services.Time.Advance(TimeSpan.FromSeconds(7200 * 0.8));
        var now = services.Time.GetUtcNow().UtcDateTime;

        var result = await Refresh(services, account.Id, TokenRefreshReason.Scheduled);

        Assert.Equal(TokenRefreshOutcome.Refreshed, result.Outcome);
        Assert.Equal(rotated.AccessToken, result.AccessToken);
        Assert.Equal(old.RefreshToken, services.Handler.Single().Form()["refresh_token"]);
        var saved = await services.ReloadAsync(account.Id);
        var vault = services.Provider.GetRequiredService<TikTokTokenVault>();
        Assert.True(vault.TryReadRefreshToken(saved, out var refresh, out _));
        Assert.Equal(rotated.RefreshToken, refresh);
        Assert.Equal(now.AddSeconds(3600), saved.AccessTokenExpiresAt);
        Assert.Equal(now.AddSeconds(600_000), saved.RefreshTokenExpiresAt);
        Assert.Equal(now.AddSeconds(3600 * 0.8), saved.NextRefreshAttemptAt);
        Assert.Equal("user.info.basic,video.list", saved.GrantedScopes);
        Assert.Equal(now, saved.LastRefreshedAt);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_ScheduledBeforeItsTime_CallsNobody()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        services.Time.Advance(TimeSpan.FromSeconds(7200 * 0.8 - 1));

        var result = await Refresh(services, account.Id, TokenRefreshReason.Scheduled);

        Assert.Equal(TokenRefreshOutcome.StillFresh, result.Outcome);
        Assert.Equal(grant.AccessToken, result.AccessToken);
        Assert.Empty(services.Handler.Requests);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Theory]
    [InlineData(301, false)]
    [InlineData(299, true)]
    public async Task GetFreshAccessTokenAsync_MinutesLeft_RefreshesOnlyUnderFiveMinutes(int secondsLeft, bool refreshes)
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        var next = TokenGrants.New(openId: grant.OpenId);
        services.Handler.Fallback = (_, _) => Task.FromResult(TokenGrants.Response(next));
        services.Time.Advance(TimeSpan.FromSeconds(7200 - secondsLeft));

        var result = await services.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(account.Id, CancellationToken.None));

        Assert.Equal(refreshes ? next.AccessToken : grant.AccessToken, result.AccessToken);
        Assert.Equal(refreshes ? 1 : 0, services.Handler.Requests.Count);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_TwoAtOnce_OneCallToTikTokAndBothGetTheNewToken()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        var rotated = TokenGrants.New(openId: grant.OpenId);
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        services.Handler.Fallback = async (_, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
            return TokenGrants.Response(rotated);
        };
        services.Time.Advance(TimeSpan.FromSeconds(7200 - 60));

        var background = Refresh(services, account.Id, TokenRefreshReason.Scheduled);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var publish = services.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(account.Id, CancellationToken.None));
        release.SetResult();
        var results = await Task.WhenAll(background, publish);

        Assert.Single(services.Handler.Requests);
        Assert.All(results, r => Assert.Equal(rotated.AccessToken, r.AccessToken));
        Assert.Equal(TokenRefreshOutcome.Refreshed, results[0].Outcome);
        Assert.Equal(TokenRefreshOutcome.StillFresh, results[1].Outcome);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidGrant_NeedsReconnectAuditedAndTokensDeleted()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var account = await services.LinkAccountAsync(TokenGrants.New(expiresIn: 7200));
        services.Handler.Reply((_, _) => Task.FromResult(TokenGrants.InvalidGrant()));
        services.Time.Advance(TimeSpan.FromHours(2));

        var result = await Refresh(services, account.Id, TokenRefreshReason.Scheduled);

        Assert.Equal(TokenRefreshOutcome.NeedsReconnect, result.Outcome);
        Assert.Equal(ErrorCatalog.InvalidGrant, result.Error?.Code);
        var saved = await services.ReloadAsync(account.Id);
        Assert.Equal(TokenState.NeedsReconnect, saved.TokenState);
        Assert.Contains("Reconnect", saved.TokenProblem);
        Assert.Null(saved.AccessTokenCipher);
        Assert.Null(saved.RefreshTokenCipher);
        var audit = await services.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync());
        Assert.Equal(TikTokAuditActions.NeedsReconnect, audit.Action);
        Assert.Contains("invalid_grant", audit.Detail);
        Assert.Contains("LOGINVALID", audit.Detail);

        var again = await services.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(account.Id, CancellationToken.None));
        Assert.Equal(TokenRefreshOutcome.NeedsReconnect, again.Outcome);
        Assert.Single(services.Handler.Requests);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_RefreshTokenExpired_NeedsReconnectWithoutCallingTikTok()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var account = await services.LinkAccountAsync(TokenGrants.New(expiresIn: 7200, refreshExpiresIn: 3600));
        services.Time.Advance(TimeSpan.FromHours(3));

        var result = await services.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(account.Id, CancellationToken.None));

        Assert.Equal(TokenRefreshOutcome.NeedsReconnect, result.Outcome);
        Assert.Contains("expired", result.Problem);
        Assert.Empty(services.Handler.Requests);
        Assert.Equal(1, await services.WithDbAsync(db => db.AuditEvents.CountAsync()));
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_ServerErrors_BackOffExponentiallyAndAccountStaysUsable()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        services.Handler.Fallback = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent("""{"error":"temporarily_unavailable","error_description":"busy","log_id":"L503"}"""),
        });
        services.Time.Advance(TimeSpan.FromSeconds(7200 * 0.8));
        var now = services.Time.GetUtcNow().UtcDateTime;

        var first = await Refresh(services, account.Id, TokenRefreshReason.Scheduled);
        services.Time.Advance(TimeSpan.FromSeconds(30));
        var second = await Refresh(services, account.Id, TokenRefreshReason.Scheduled);

        Assert.Equal(TokenRefreshOutcome.Postponed, first.Outcome);
        Assert.Equal(grant.AccessToken, first.AccessToken);
        Assert.Equal(ErrorCatalog.TemporarilyUnavailable, second.Error?.Code);
        var saved = await services.ReloadAsync(account.Id);
        Assert.Equal(TokenState.Active, saved.TokenState);
        Assert.Equal(2, saved.RefreshFailures);
        Assert.Equal(now.AddSeconds(30 + 60), saved.NextRefreshAttemptAt);
        Assert.NotNull(saved.RefreshTokenCipher);
        Assert.Equal(0, await services.WithDbAsync(db => db.AuditEvents.CountAsync()));
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_TikTokUnreachable_PostponesAndKeepsAccount()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        services.Handler.Reply((_, _) => throw new HttpRequestException("Connection refused"));
        services.Time.Advance(TimeSpan.FromSeconds(7200 - 100));

        var result = await services.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(account.Id, CancellationToken.None));

        Assert.Equal(TokenRefreshOutcome.Postponed, result.Outcome);
        Assert.Equal(grant.AccessToken, result.AccessToken);
        Assert.Equal(TokenState.Active, (await services.ReloadAsync(account.Id)).TokenState);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_TikTokUnreachableAfterExpiry_ReportsNoUsableTokenButKeepsAccount()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var account = await services.LinkAccountAsync(TokenGrants.New(expiresIn: 7200));
        services.Handler.Reply((_, _) => throw new HttpRequestException("Connection refused"));
        services.Time.Advance(TimeSpan.FromHours(3));

        var result = await services.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(account.Id, CancellationToken.None));

        Assert.Equal(TokenRefreshOutcome.Postponed, result.Outcome);
        Assert.Null(result.AccessToken);
        Assert.Equal(TokenState.Active, (await services.ReloadAsync(account.Id)).TokenState);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidGrantBecauseAnotherInstanceRotated_UsesTheirTokenInsteadOfReconnect()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        var theirs = TokenGrants.New(openId: grant.OpenId);
        services.Handler.Reply(async (_, _) =>
        {
            // Meanwhile another instance refreshed with the same token and saved its rotated grant.
            await services.WithDbAsync(async db =>
            {
                var row = await db.TikTokAccounts.SingleAsync(a => a.Id == account.Id);
                services.Provider.GetRequiredService<TikTokTokenVault>().Store(row, theirs, services.Time.GetUtcNow().UtcDateTime, 0.8);
                return await db.SaveChangesAsync();
            });
            return TokenGrants.InvalidGrant();
        });
        services.Time.Advance(TimeSpan.FromSeconds(7200 * 0.8));

        var result = await Refresh(services, account.Id, TokenRefreshReason.Scheduled);

        Assert.Equal(TokenRefreshOutcome.StillFresh, result.Outcome);
        Assert.Equal(theirs.AccessToken, result.AccessToken);
        Assert.Equal(TokenState.Active, (await services.ReloadAsync(account.Id)).TokenState);
        Assert.Equal(0, await services.WithDbAsync(db => db.AuditEvents.CountAsync()));
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task ExecuteAsync_RowRotatedElsewhereWhileOurRefreshSucceeded_KeepsTheSavedRow()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        var theirs = TokenGrants.New(openId: grant.OpenId);
        var ours = TokenGrants.New(openId: grant.OpenId);
        services.Handler.Reply(async (_, _) =>
        {
            await services.WithDbAsync(async db =>
            {
                var row = await db.TikTokAccounts.SingleAsync(a => a.Id == account.Id);
                services.Provider.GetRequiredService<TikTokTokenVault>().Store(row, theirs, services.Time.GetUtcNow().UtcDateTime, 0.8);
                return await db.SaveChangesAsync();
            });
            return TokenGrants.Response(ours);
        });
        services.Time.Advance(TimeSpan.FromSeconds(7200 * 0.8));

        var result = await Refresh(services, account.Id, TokenRefreshReason.Scheduled);

        Assert.Equal(theirs.AccessToken, result.AccessToken);
        var saved = await services.ReloadAsync(account.Id);
        Assert.True(services.Provider.GetRequiredService<TikTokTokenVault>().TryReadRefreshToken(saved, out var refresh, out _));
        Assert.Equal(theirs.RefreshToken, refresh);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task RefreshDueCommand_Sweep_RefreshesOnlyDueActiveAccounts()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var due = await services.LinkAccountAsync(TokenGrants.New(expiresIn: 3600), "due");
        await services.LinkAccountAsync(TokenGrants.New(expiresIn: 86_400), "later");
        var broken = await services.LinkAccountAsync(TokenGrants.New(expiresIn: 3600), "broken");
        await services.WithDbAsync(db => db.TikTokAccounts.Where(a => a.Id == broken.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.TokenState, TokenState.NeedsReconnect)));
        services.Handler.Fallback = (_, _) => Task.FromResult(TokenGrants.Response(TokenGrants.New(openId: due.OpenId)));
        services.Time.Advance(TimeSpan.FromHours(1));

        var outcomes = await services.InScopeAsync(sp => sp.GetRequiredService<RefreshDueTikTokTokensCommand>().ExecuteAsync(CancellationToken.None));

        Assert.Equal(1, outcomes[TokenRefreshOutcome.Refreshed]);
        Assert.Single(outcomes);
        Assert.Single(services.Handler.Requests);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Refresh_AnyOutcome_LogsNoTokens()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 7200);
        var account = await services.LinkAccountAsync(grant);
        var rotated = TokenGrants.New(openId: grant.OpenId);
        services.Handler.Reply((_, _) => Task.FromResult(TokenGrants.Response(rotated)));
        services.Handler.Reply((_, _) => Task.FromResult(TokenGrants.InvalidGrant()));
        services.Time.Advance(TimeSpan.FromHours(2));
        await Refresh(services, account.Id, TokenRefreshReason.Scheduled);
        services.Time.Advance(TimeSpan.FromHours(2));

        await Refresh(services, account.Id, TokenRefreshReason.Scheduled);

        var logs = services.Logs.AllText;
        Assert.Contains("needs reconnecting", logs);
        foreach (var secret in new[] { grant.AccessToken, grant.RefreshToken, rotated.AccessToken, rotated.RefreshToken, TikTokClientBuilder.ClientSecret })
        {
            Assert.DoesNotContain(secret, logs);
        }

        TikTokTestServices.DeleteFolder(services.Folder);
    }
}
