using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Midx.App.Privacy;
using Midx.App.Workspaces;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;
using Midx.Tests.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Workspaces;

/// <summary>
/// Deleting a Midx account when the person shares a workspace, over real HTTP: the last Owner of a workspace others
/// belong to passes ownership first; anyone else leaves behind what they composed and linked there, no longer named.
/// </summary>
public sealed class LeavingMidxTests : IAsyncLifetime
{
    private readonly MidxAppFactory _app = new();
    private HttpClient _grace = default!;
    private HttpClient _eve = default!;
    private Guid _studio;
    private Guid _eveId;

    public async Task InitializeAsync()
    {
        _grace = await _app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        _eve = await _app.SignInAsync("eve@sandbox.midx.test", "Eve Publisher");
        var graceId = (await _app.UserByEmailAsync("grace@sandbox.midx.test")).Id;
        _eveId = (await _app.UserByEmailAsync("eve@sandbox.midx.test")).Id;
        var studio = new Workspace { Name = "Studio", CreatedAt = DateTime.UtcNow };
        _studio = studio.Id;
        await _app.QueryAsync(db =>
        {
            db.Workspaces.Add(studio);
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = studio.Id, UserId = graceId, Role = WorkspaceRole.Owner, JoinedAt = DateTime.UtcNow });
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = studio.Id, UserId = _eveId, Role = WorkspaceRole.Publisher, JoinedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Delete_OnlyOwnerOfAWorkspaceOthersBelongTo_IsAskedToPassOwnershipAndNothingIsDeleted()
    {
        var delete = await _grace.PostDialogFormAsync("/settings", PrivacyEndpoints.DeletePath, ("email", "grace@sandbox.midx.test"));

        Assert.Equal(SettingsPage.Path, delete.Headers.Location!.OriginalString);
        Assert.Equal(PrivacyEndpoints.PassOwnershipFirst(["Studio"]).Text, _app.NoticeIn(delete)?.Text);
        Assert.Equal(2, await _app.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await _grace.GetAsync("/settings")).StatusCode);
    }

    [Fact]
    public async Task Delete_PublisherOfASharedWorkspace_TheirPostAndAccountStayThereWithoutTheirNameAndTheirOwnWorkspaceGoes()
    {
        await _eve.GetAsync(WorkspaceEndpoints.OpenUrl(_studio, "/accounts"));
        var shared = await _eve.LinkTikTokAsync("public");
        await _eve.GetAsync(WorkspaceEndpoints.OpenUrl(_eveId, "/accounts"));
        var own = await _eve.LinkTikTokAsync("private");
        var post = new PublishJob
        {
            UserId = _eveId, WorkspaceId = _studio, TikTokAccountId = shared, SubmissionKey = "studio-post", Caption = "Team teaser",
            State = JobState.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        await _app.QueryAsync(db =>
        {
            db.PublishJobs.Add(post);
            db.ConsentRecords.Add(new ConsentRecord
            {
                JobId = post.Id, UserId = _eveId, AgreedAt = DateTime.UtcNow, CreatorNickname = "Public", DeclarationText = "By posting…", ShownJson = "{}",
            });
            return db.SaveChangesAsync();
        });

        Assert.Contains("Eve Publisher pressed the button", await _grace.GetStringAsync($"/jobs/{post.Id}"));
        Assert.Contains("You pressed the button", await _eve.GetStringAsync($"/jobs/{post.Id}"));

        var delete = await _eve.PostDialogFormAsync("/settings", PrivacyEndpoints.DeletePath, ("email", "eve@sandbox.midx.test"));

        Assert.Equal(AccountDeletedPage.Url, delete.Headers.Location!.OriginalString);
        var accounts = await _app.QueryAsync(db => db.TikTokAccounts.Select(a => new { a.Id, a.WorkspaceId, a.UserId, a.AccessTokenCipher }).ToListAsync());
        var kept = Assert.Single(accounts);
        Assert.Equal((shared, _studio, (Guid?)null), (kept.Id, kept.WorkspaceId, kept.UserId));
        Assert.NotNull(kept.AccessTokenCipher);
        Assert.DoesNotContain(accounts, a => a.Id == own);
        var staying = await _app.QueryAsync(db => db.PublishJobs.SingleAsync(j => j.Id == post.Id));
        Assert.Equal(((Guid?)null, _studio), (staying.UserId, staying.WorkspaceId));
        Assert.Null(await _app.QueryAsync(db => db.ConsentRecords.Where(c => c.JobId == post.Id).Select(c => c.UserId).SingleAsync()));
        Assert.False(await _app.QueryAsync(db => db.Workspaces.AnyAsync(w => w.Id == _eveId)));
        Assert.Equal(["grace@sandbox.midx.test"], await _app.QueryAsync(db => db.WorkspaceMembers.Where(m => m.WorkspaceId == _studio)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.Email).ToListAsync()));
        var page = await _grace.GetStringAsync($"/jobs/{post.Id}");
        Assert.Contains("Team teaser", page);
        Assert.Contains(ConsentGiver.FormerMember + " pressed the button", page);
        Assert.DoesNotContain("Eve Publisher", page);
    }

    [Fact]
    public async Task Delete_OnlyMemberOfASharedWorkspace_ItGoesToo_ItsAccountRevokedAtTikTok()
    {
        var shop = new Workspace { Name = "Eve's shop", CreatedAt = DateTime.UtcNow };
        await _app.QueryAsync(db =>
        {
            db.Workspaces.Add(shop);
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = shop.Id, UserId = _eveId, Role = WorkspaceRole.Owner, JoinedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        await _eve.GetAsync(WorkspaceEndpoints.OpenUrl(shop.Id, "/accounts"));
        await _eve.LinkTikTokAsync("public");

        var delete = await _eve.PostDialogFormAsync("/settings", PrivacyEndpoints.DeletePath, ("email", "eve@sandbox.midx.test"));

        Assert.Equal(AccountDeletedPage.Url, delete.Headers.Location!.OriginalString);
        Assert.False(await _app.QueryAsync(db => db.Workspaces.AnyAsync(w => w.Id == shop.Id)));
        Assert.Equal(0, await _app.QueryAsync(db => db.TikTokAccounts.CountAsync()));
        var revokes = await _grace.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/sandbox/tiktok/__test/requests?endpoint=revoke");
        Assert.Single(revokes!);
        Assert.True(await _app.QueryAsync(db => db.Workspaces.AnyAsync(w => w.Id == _studio)));
    }

    public Task DisposeAsync()
    {
        _grace.Dispose();
        _eve.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }
}
