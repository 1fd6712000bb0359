using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Accounts;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Privacy;

/// <summary>
/// The privacy promises (/privacy) that no other test names. Promises 2, 4, 11, 12 and 13 are proved where their
/// machinery lives: TokenAtRestTests, PurgeExpiredDataCommandTests, PurgeExpiredDataOnDiskTests, ExportUserDataQueryTests,
/// SettingsEndpointsTests and KeyRotationTests, each in a test called PromiseNN_….
/// </summary>
public sealed class PromiseTests
{
    [Fact]
    public async Task Promise01_GoogleProfileOnly_NoPasswordAnywhere()
    {
        using var app = new MidxAppFactory();
        using var grace = await app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var user = await db.Users.SingleAsync();
        Assert.False(string.IsNullOrEmpty(user.GoogleSubject));
        Assert.Equal("grace@sandbox.midx.test", user.Email);
        Assert.Equal("Grace Hopper", user.Name);
        Assert.NotNull(user.AvatarUrl);
        // The hashes Midx keeps are of an API key's, a workspace invitation link's and a connect link's random secret, which are no passwords.
        var passwordLike = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.Name.Contains("Password", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Hash", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}");
        Assert.Equal(["ApiKey.SecretHash", "ConnectLink.TokenHash", "WorkspaceInvitation.TokenHash"], passwordLike);
    }

    [Fact]
    public async Task Promise03_Upload_StoresChoicesTikTokIdsStatusHistoryAndConsent()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Published);

        Assert.Equal((PublishMode.Direct, VideoSource.File, "video/mp4", "PUBLIC_TO_EVERYONE"), (job.Mode, job.Source, job.MimeType, job.PrivacyLevel));
        Assert.Equal(VideoFixtures.Mp4TwoSeconds, job.FileName);
        Assert.True(job.FileSize > 0);
        Assert.False(string.IsNullOrEmpty(job.PublishId));
        var history = await app.EventsAsync(job.Id);
        Assert.True(history.Count >= 4, "The status history is incomplete.");
        Assert.Equal(history.OrderBy(e => e.At).Select(e => e.Id), history.Select(e => e.Id));
        await using var scope = app.App.Services.CreateAsyncScope();
        var consent = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().ConsentRecords.SingleAsync(c => c.JobId == job.Id);
        Assert.Contains("Music Usage Confirmation", consent.DeclarationText);
    }

    [Fact]
    public async Task Promise05_NothingIsSentWithoutTheUsersAction()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.StoreVideoAsync(VideoFixtures.PathOf(VideoFixtures.Mp4TwoSeconds));

        // An uploaded video with no press of the button: several worker passes later, TikTok has heard nothing.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Empty(await app.RequestsAsync("video_init"));
        Assert.Empty(await app.RequestsAsync("inbox_init"));
        await using var scope = app.App.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.ToListAsync());
    }

    [Fact]
    public async Task Promise06_DeadRefreshToken_AccountAsksToReconnectAndScheduledPostIsHeldWithWarningBeforeItsTime()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        var scheduled = await app.SubmitAsync(PublishMode.Direct, scheduledAtUtc: DateTime.UtcNow.AddHours(3));
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.Where(a => a.Id == app.AccountId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NextRefreshAttemptAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        await app.ArmFaultAsync(new { endpoint = "token", mode = "Status", status = 400, errorCode = "invalid_grant", count = 5 });
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RefreshDueTikTokTokensCommand>().ExecuteAsync(CancellationToken.None);
        }

        var job = await app.WaitForAsync(scheduled.Id, j => j.ErrorCode == ErrorCatalog.HeldAccountNeedsReconnect.Value);

        Assert.Equal(JobState.Scheduled, job.State);
        Assert.StartsWith("Needs you before its time", job.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(await app.RequestsAsync("video_init"));
        var accounts = await app.Client.GetStringAsync("/accounts");
        Assert.Contains("Reconnect", accounts);
    }

    [Fact]
    public async Task Promise07_VideoFile_DeletedOnceTikTokHasIt()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var inbox = await app.SubmitAsync(PublishMode.Inbox);
        var job = await app.WaitForStateAsync(inbox.Id, JobState.SentToInbox);

        Assert.Equal(JobState.SentToInbox, job.State);
        Assert.False(File.Exists(inbox.MediaPath), "The file is still on disk after TikTok received it.");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(inbox.MediaPath!)!, "*.mp4"));
    }

    [Fact]
    public async Task Promise08_TokensNeverInPagesAdminConsoleExportsOrLogs()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.SubmitAsync(PublishMode.Direct);
        string accessToken, refreshToken;
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.SingleAsync();
            var vault = scope.ServiceProvider.GetRequiredService<TikTokTokenVault>();
            Assert.True(vault.TryReadAccessToken(account, out accessToken!, out _));
            Assert.True(vault.TryReadRefreshToken(account, out refreshToken!, out _));
        }

        using var admin = await app.App.SignInAsync("ada@sandbox.midx.test", "Ada Lovelace");
        var seen = new StringBuilder();
        foreach (var path in new[] { "/", "/accounts", "/compose", "/history", "/settings", "/settings/export" })
        {
            seen.Append(await app.Client.GetStringAsync(path));
        }

        foreach (var path in new[] { "/admin", "/admin/users", "/admin/uploads", "/admin/failures", "/admin/audit", "/admin/uploads/export.csv" })
        {
            seen.Append(await admin.GetStringAsync(path));
        }

        var everything = seen + app.App.Logs.AllText;
        Assert.Contains("avery.creates", everything);
        Assert.DoesNotContain(accessToken, everything);
        Assert.DoesNotContain(refreshToken, everything);
        Assert.DoesNotContain("act.", everything);
        Assert.DoesNotContain("rft.", everything);
    }

    [Fact]
    public async Task Promise09_OwnThingsOnly_AdminPagesOnlyForAdmins_HubMessagesOnlyToOwnerAndAdmins()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        var job = await app.SubmitAsync(PublishMode.Direct, scheduledAtUtc: DateTime.UtcNow.AddDays(1));
        using var stranger = await app.App.SignInAsync("alan@sandbox.midx.test", "Alan Turing");
        using var admin = await app.App.SignInAsync("ada@sandbox.midx.test", "Ada Lovelace");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/jobs/{job.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/jobs/{job.Id}/status")).StatusCode);
        Assert.DoesNotContain("Worker test #midx", await stranger.GetStringAsync("/history"));
        var adminPage = await stranger.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, adminPage.StatusCode);

        await using var ownerCircuit = await CircuitListener.StartAsync(app.App.Services, app.UserId);
        await using var strangerCircuit = await CircuitListener.StartAsync(app.App.Services, (await app.App.UserByEmailAsync("alan@sandbox.midx.test")).Id);
        await using var adminCircuit = await CircuitListener.StartAsync(app.App.Services, (await app.App.UserByEmailAsync("ada@sandbox.midx.test")).Id);
        var cancel = await app.Client.PostDialogFormAsync($"/jobs/{job.Id}", $"/jobs/{job.Id}/cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        Assert.Equal(job.Id, (await ownerCircuit.NextUpdateAsync(TimeSpan.FromSeconds(10)))?.JobId);
        Assert.Equal(job.Id, (await adminCircuit.NextUpdateAsync(TimeSpan.FromSeconds(10)))?.JobId);
        Assert.Null(await strangerCircuit.NextUpdateAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Promise10_SignOutClearsCookie_DisconnectRevokesAtTikTokAndDeletesTokens()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var disconnect = await app.Client.PostDialogFormAsync("/accounts", $"/tiktok/accounts/{app.AccountId}/disconnect");
        Assert.Equal(HttpStatusCode.Redirect, disconnect.StatusCode);
        Assert.Single(await app.RequestsAsync("revoke"));
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.ToListAsync());
        }

        var signOut = await app.Client.PostFormAsync("/settings", "/account/signout");
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("midx.session=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("/signin", (await app.Client.GetAsync("/settings")).Headers.Location!.AbsolutePath);
    }
}
