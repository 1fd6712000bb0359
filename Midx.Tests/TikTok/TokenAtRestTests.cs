using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.TikTok;

namespace Midx.Tests.TikTok;

public sealed class TokenAtRestTests
{
    [Fact]
    public async Task Promise02_TokensEncryptedAtRest_RawDatabaseFilesAndLogsHoldNoTokenCodeOrVerifierText()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var userId = await services.AddUserAsync();
        var start = await services.InScopeAsync(sp => sp.GetRequiredService<StartTikTokLinkCommand>()
            .ExecuteAsync(userId, userId, "https://midx.test/tiktok/callback", CancellationToken.None));
        var state = System.Web.HttpUtility.ParseQueryString(start!.Query)["state"]!;
        var linked = TokenGrants.New(expiresIn: 3600);
        var refreshed = TokenGrants.New(openId: linked.OpenId);
        const string code = "wFPH5DePZMb07BPJvpWi-raw-scan-code*0!6410";
        services.Handler
            .Reply((_, _) => Task.FromResult(TokenGrants.Response(linked)))
            .Reply(HttpStatusCode.OK, $$$"""{"data":{"user":{"open_id":"{{{linked.OpenId}}}","display_name":"Scan Me","username":"scan"}},"error":{"code":"ok","message":"","log_id":"S1"}}""")
            .Reply((_, _) => Task.FromResult(TokenGrants.Response(refreshed)));
        var verifier = await services.WithDbAsync(db => Task.FromResult(db.OAuthLinkStates.Single().CodeVerifier));

        var link = await services.InScopeAsync(sp => sp.GetRequiredService<CompleteTikTokLinkCommand>()
            .ExecuteAsync(userId, new TikTokLinkCallback(state, code, linked.Scope, null, null), "https://midx.test/tiktok/callback", CancellationToken.None));
        services.Time.Advance(TimeSpan.FromHours(1));
        var refresh = await services.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(link.AccountId!.Value, CancellationToken.None));
        Assert.Equal(TikTokLinkOutcome.Linked, link.Outcome);
        Assert.Equal(TokenRefreshOutcome.Refreshed, refresh.Outcome);

        var files = Directory.GetFiles(services.Folder, "midx.db*");
        Assert.Contains(files, f => f.EndsWith("midx.db", StringComparison.Ordinal));
        var raw = string.Concat(files.Select(f => Encoding.Latin1.GetString(ReadShared(f))));
        Assert.Contains("Scan Me", raw); // the scan reads real content
        var logs = services.Logs.AllText;
        foreach (var secret in new[] { linked.AccessToken, linked.RefreshToken, refreshed.AccessToken, refreshed.RefreshToken, code, TikTokClientBuilder.ClientSecret })
        {
            Assert.DoesNotContain(secret, raw);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), raw);
            Assert.DoesNotContain(secret, logs);
        }

        Assert.DoesNotContain(verifier, logs);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
