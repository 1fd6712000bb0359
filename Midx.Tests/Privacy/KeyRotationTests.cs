using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Admin;
using Midx.App.Privacy;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Privacy;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Privacy;

public sealed class KeyRotationTests : IDisposable
{
    private const string Email = "grace@sandbox.midx.test";
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task Promise13_KeysRevokedAfterLeak_AccountsNeedReconnectOldCiphersUnreadableAndPagesStillWork()
    {
        using var grace = await _app.SignInAsync(Email, "Grace Hopper");
        var publicAccount = await grace.LinkTikTokAsync("public");
        await grace.LinkTikTokAsync("private");
        var oldCipher = await ReadAsync(db => db.TikTokAccounts.Where(a => a.Id == publicAccount).Select(a => a.AccessTokenCipher!).SingleAsync());

        using var output = new StringWriter();
        var exitCode = await KeysCommandLine.RunAsync(_app.Services, ["keys", "revoke-all", "leak", "drill"], output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains("2 TikTok account(s) must reconnect", output.ToString());
        var revokes = await grace.GetFromJsonAsync<JsonElement>("/sandbox/tiktok/__test/requests?endpoint=revoke");
        Assert.Equal(2, revokes.GetArrayLength());

        // The old session was protected by a revoked key: it is simply no longer a session, not an error.
        var stale = await grace.GetAsync("/accounts");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/signin", stale.Headers.Location!.PathAndQuery);

        using var again = await _app.SignInAsync(Email, "Grace Hopper");
        var accountsPage = await again.GetAsync("/accounts");
        Assert.Equal(HttpStatusCode.OK, accountsPage.StatusCode);
        Assert.Contains("Reconnect", await accountsPage.Content.ReadAsStringAsync());

        var accounts = await ReadAsync(db => db.TikTokAccounts.AsNoTracking().ToListAsync());
        Assert.All(accounts, a =>
        {
            Assert.Equal(TokenState.NeedsReconnect, a.TokenState);
            Assert.Equal(RevokeAllKeysCommand.ReconnectProblem, a.TokenProblem);
            Assert.Null(a.AccessTokenCipher);
            Assert.Null(a.RefreshTokenCipher);
        });

        // A copy of a ciphertext taken before the rotation (say, from a backup) no longer decrypts.
        var vault = _app.Services.GetRequiredService<TikTokTokenVault>();
        var fromBackup = new TikTokAccount { Id = publicAccount, OpenId = "backup", AccessTokenCipher = oldCipher };
        Assert.False(vault.TryReadAccessToken(fromBackup, out _, out var problem));
        Assert.Equal(TikTokTokenVault.UnreadableProblem, problem);

        var audit = await ReadAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.KeysRevoked).SingleAsync());
        Assert.Contains("leak drill", audit.Detail);
    }

    [Fact]
    public async Task RevokeKeys_AsAdminFromConsole_SignsEveryoneOutAndAsksForReconnect()
    {
        using var grace = await _app.SignInAsync(Email, "Grace Hopper");
        await grace.LinkTikTokAsync("public");
        using var ada = await _app.SignInAsync("ada@sandbox.midx.test", "Ada Lovelace");

        var unconfirmed = await PostRevokeAsync(ada, reason: "drill", confirm: "revoke");
        Assert.Equal("/admin/security", unconfirmed.Headers.Location!.OriginalString);
        Assert.Contains("Nothing was revoked: give a reason and type REVOKE to confirm.", await ada.GetStringAsync("/admin/security"));
        var noReason = await PostRevokeAsync(ada, reason: "  ", confirm: "REVOKE");
        Assert.Equal("/admin/security", noReason.Headers.Location!.OriginalString);
        Assert.Equal(TokenState.Active, await ReadAsync(db => db.TikTokAccounts.Select(a => a.TokenState).SingleAsync()));

        var forbidden = await grace.PostAsync("/admin/security/revoke-keys", new FormUrlEncodedContent([new("reason", "x"), new("confirm", "REVOKE")]));
        Assert.True(forbidden.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"A creator got {(int)forbidden.StatusCode}.");

        var revoked = await PostRevokeAsync(ada, reason: "laptop stolen", confirm: "REVOKE");

        Assert.Equal("/keys-revoked", revoked.Headers.Location!.OriginalString);
        Assert.Equal(TokenState.NeedsReconnect, await ReadAsync(db => db.TikTokAccounts.Select(a => a.TokenState).SingleAsync()));
        var audit = await ReadAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.KeysRevoked).SingleAsync());
        Assert.NotNull(audit.ActorUserId);
        Assert.Contains("laptop stolen", audit.Detail);
        foreach (var client in new[] { ada, grace })
        {
            var admin = await client.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.StartsWith("/signin", admin.Headers.Location!.PathAndQuery);
        }
    }

    private static async Task<HttpResponseMessage> PostRevokeAsync(HttpClient admin, string reason, string confirm)
    {
        // The form lives in the security page's dialog (SecurityPageTests proves its fields and action); it carries the page's token.
        return await admin.PostDialogFormAsync("/admin/security", AdminEndpoints.RevokeKeysPath, ("reason", reason), ("confirm", confirm));
    }

    [Fact]
    public async Task KeysCommand_UnknownVerb_PrintsUsageAndFails()
    {
        using var output = new StringWriter();

        var exitCode = await KeysCommandLine.RunAsync(_app.Services, ["keys", "rotate"], output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("keys revoke-all", output.ToString());
    }

    private async Task<T> ReadAsync<T>(Func<MidxDbContext, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MidxDbContext>());
    }

    public void Dispose() => _app.Dispose();
}
