using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Midx.Core.Admin;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Accounts;
using Midx.Tests.Browser;
using Midx.Tests.Support;

namespace Midx.Tests.Admin;

/// <summary>
/// From a live failure to a disabled account, in Chromium: the admin follows a creator's failed post to its owner,
/// disables them with a reason, and the creator's open tab leaves the live view within the circuit's 30-second check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UserDisableJourneyTests(BrowserFixture browser, AdminConsoleFixture console) : IClassFixture<AdminConsoleFixture>
{
    private const string Reason = "Posted spam from a stolen account";

    [Fact]
    public async Task DisableFromAFailure_CreatorsLiveTabEndsWithin30SecondsAndTheAuditLogKeepsTheReason()
    {
        using var dora = await console.App.SignInFlowAsync("dora@example.test", "Dora Spammer");
        var doraId = (await console.App.UserByEmailAsync("dora@example.test")).Id;
        await using var creator = await BrowserPage.OpenWithSessionAsync(browser, console.App.ServerAddress, dora);
        await creator.Page.GotoAsync("/history");
        await Assertions.Expect(creator.Page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");

        await using var admin = await BrowserPage.OpenWithSessionAsync(browser, console.App.ServerAddress, console.Admin);
        var page = admin.Page;
        await page.GotoAsync("/admin/failures");
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");

        // Dora's post fails while the failures page is open: saved, then announced on the app's bus as the worker does.
        var jobId = await AddFailedJobAsync(doraId);
        await console.App.Services.GetRequiredService<JobUpdateBus>().PublishAsync(new JobUpdate(
            jobId, doraId, JobState.Failed, JobStateMachine.Label(JobState.Failed), true, null, 0, 0,
            "The privacy level is not one TikTok offered this creator.", Code, null, null, DateTime.UtcNow), CancellationToken.None);
        var example = page.Locator($"a[href='/admin/uploads/{jobId}']");
        await Assertions.Expect(example).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await example.ClickAsync();
        await page.Locator($"a[href='/admin/users/{doraId}']").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-user-name]").Last).ToHaveTextAsync("Dora Spammer");
        await admin.WaitForCircuitAsync();
        await page.Locator("[data-action=disable-user] button").ClickAsync();
        var dialog = page.Locator("[data-admin-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Why (kept in the audit log)").FillAsync(Reason);
        await Assertions.Expect(page.Locator("button[data-admin-confirm]")).ToBeEnabledAsync();
        await admin.ScreenshotAsync("admin-user-disable-dialog");
        await page.SetViewportSizeAsync(390, 844);
        await admin.ScreenshotAsync("admin-user-disable-dialog-390");
        await page.SetViewportSizeAsync(1280, 800);
        await page.Locator("button[data-admin-confirm]").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("dora@example.test is disabled");
        await Assertions.Expect(page.Locator("[data-user-chips] [data-disabled]").Last).ToHaveTextAsync("Disabled");
        await Assertions.Expect(page.Locator("[data-audit-table]").Last).ToContainTextAsync(Reason);

        // The creator's circuit notices at its next check (every 30 s) and leaves the live view for sign-in.
        await creator.Page.WaitForURLAsync(new Regex("/signin"), new() { Timeout = 35_000 });
        await Assertions.Expect(creator.Page.Locator("[data-live-status]")).ToHaveCountAsync(0);
        var audit = (await console.App.AuditAsync(AdminAuditActions.DisabledUser)).Single(a => a.SubjectUserId == doraId);
        Assert.Equal(Reason, audit.Detail);
        Assert.Equal((await console.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail)).Id, audit.ActorUserId);
        Assert.Empty(admin.Errors);
    }

    private static readonly string Code = ErrorCatalog.PrivacyLevelOptionMismatch.Value;

    private Task<Guid> AddFailedJobAsync(Guid userId) => console.App.QueryAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var account = new TikTokAccount
        {
            UserId = userId, WorkspaceId = userId, OpenId = "open-dora", Username = "dora.posts", DisplayName = "Dora", GrantedScopes = TikTokOptions.DefaultScopes,
            ConnectedAt = now.AddDays(-1), LastSeenAt = now, AccessTokenExpiresAt = now.AddHours(20), NextRefreshAttemptAt = now.AddHours(2),
        };
        var job = new PublishJob
        {
            UserId = userId, WorkspaceId = userId, TikTokAccountId = account.Id, SubmissionKey = Guid.NewGuid().ToString("N"), State = JobState.Failed,
            FileName = "giveaway.mp4", FileSize = 9582, MimeType = "video/mp4", Caption = "Free phones!!!", PrivacyLevel = "PUBLIC_TO_EVERYONE",
            ErrorCode = Code, ErrorMessage = "The privacy level is not one TikTok offered this creator.",
            CreatedAt = now.AddMinutes(-2), UpdatedAt = now, CompletedAt = now,
        };
        db.TikTokAccounts.Add(account);
        db.PublishJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });
}
