using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.TikTok;
using Midx.App.Workspaces;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;
using Midx.Tests.Accounts;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Workspaces;

/// <summary>
/// One shared workspace with a member of every role, a post of its own and an account linked into it, and a stranger
/// who belongs to none of it, all over real HTTP: every route and every live update gives each person what their role
/// allows and nothing else; a refusal is a 404 or a plain notice, never the data.
/// </summary>
public sealed class WorkspaceIsolationTests : IAsyncLifetime
{
    private const string Caption = "Studio launch teaser";
    private readonly MidxAppFactory _app = new();
    private readonly Dictionary<WorkspaceRole, HttpClient> _members = [];
    private HttpClient _stranger = default!;
    private Guid _studio;
    private Guid _post;

    public async Task InitializeAsync()
    {
        var owner = await _app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        _members[WorkspaceRole.Owner] = owner;
        _members[WorkspaceRole.Publisher] = await _app.SignInAsync("pat@sandbox.midx.test", "Pat Publisher");
        _members[WorkspaceRole.Editor] = await _app.SignInAsync("eve@sandbox.midx.test", "Eve Editor");
        _members[WorkspaceRole.Viewer] = await _app.SignInAsync("vic@sandbox.midx.test", "Vic Viewer");
        _stranger = await _app.SignInAsync("alan@sandbox.midx.test", "Alan Turing");

        var grace = await _app.UserByEmailAsync("grace@sandbox.midx.test");
        var studio = new Workspace { Name = "Studio", CreatedAt = DateTime.UtcNow };
        _studio = studio.Id;
        await _app.QueryAsync(async db =>
        {
            db.Workspaces.Add(studio);
            foreach (var (role, email) in new[]
            {
                (WorkspaceRole.Owner, "grace"), (WorkspaceRole.Publisher, "pat"), (WorkspaceRole.Editor, "eve"), (WorkspaceRole.Viewer, "vic"),
            })
            {
                var id = await db.Users.Where(u => u.Email == email + "@sandbox.midx.test").Select(u => u.Id).SingleAsync();
                db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = studio.Id, UserId = id, Role = role, JoinedAt = DateTime.UtcNow });
            }

            return await db.SaveChangesAsync();
        });

        await OpenStudioAsync(owner);
        var account = await owner.LinkTikTokAsync("public");
        var post = new PublishJob
        {
            UserId = grace.Id, WorkspaceId = _studio, TikTokAccountId = account, SubmissionKey = "studio-1", Caption = Caption,
            State = JobState.Scheduled, ScheduledAt = DateTime.UtcNow.AddDays(1), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        _post = post.Id;
        await _app.QueryAsync(db =>
        {
            db.PublishJobs.Add(post);
            db.PublishEvents.Add(new PublishEvent { JobId = post.Id, At = post.CreatedAt, State = post.State, Message = "Scheduled." });
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task LinkedAccount_GoesIntoTheWorkspaceTheAccountsPageShowed()
    {
        var workspace = await _app.QueryAsync(db => db.TikTokAccounts.Select(a => a.WorkspaceId).SingleAsync());

        Assert.Equal(_studio, workspace);
    }

    [Theory]
    [InlineData(WorkspaceRole.Owner)]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task PostPageStatusAndHistory_EveryMember_SeesTheWorkspacesPost(WorkspaceRole role)
    {
        var member = _members[role];
        await OpenStudioAsync(member);

        Assert.Contains(Caption, await member.GetStringAsync($"/jobs/{_post}"));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/jobs/{_post}/status")).StatusCode);
        Assert.Contains(Caption, await member.GetStringAsync($"/history?{WorkspaceChoice.QueryParameter}={_studio}"));
    }

    [Theory]
    [InlineData(WorkspaceRole.Owner, true)]
    [InlineData(WorkspaceRole.Publisher, true)]
    [InlineData(WorkspaceRole.Editor, false)]
    [InlineData(WorkspaceRole.Viewer, false)]
    [InlineData(null, false)]
    public async Task ReviewQueue_PostAwaitingReview_OnlyThoseWhoApproveThereSeeIt(WorkspaceRole? role, bool sees)
    {
        await AwaitReviewAsync();
        var client = role is { } r ? _members[r] : _stranger;

        var page = await client.GetStringAsync($"/review?{WorkspaceChoice.QueryParameter}={_studio}");

        Assert.Equal(sees, page.Contains(Caption, StringComparison.Ordinal));
        Assert.Equal(role is WorkspaceRole.Editor or WorkspaceRole.Viewer, page.Contains("data-review-not-allowed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(WorkspaceRole.Owner, true)]
    [InlineData(WorkspaceRole.Publisher, true)]
    [InlineData(WorkspaceRole.Editor, false)]
    [InlineData(WorkspaceRole.Viewer, false)]
    public async Task PostPage_PostAwaitingReview_OffersTheReviewPanelOnlyToThoseWhoApprove(WorkspaceRole role, bool offered)
    {
        await AwaitReviewAsync();

        var page = await _members[role].GetStringAsync($"/jobs/{_post}");

        Assert.Equal(offered, page.Contains("data-review-panel", StringComparison.Ordinal));
        Assert.Equal(role != WorkspaceRole.Viewer, page.Contains("data-job-action=\"edit\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor, true)]
    [InlineData(WorkspaceRole.Viewer, false)]
    [InlineData(null, false)]
    public async Task EditPage_WorkspacesScheduledPost_OpensOnlyForSomeoneWhoMayComposeThere(WorkspaceRole? role, bool opens)
    {
        var client = role is { } r ? _members[r] : _stranger;

        var page = await client.GetStringAsync($"/compose?edit={_post:N}&{WorkspaceChoice.QueryParameter}={_studio}");

        Assert.Equal(opens, page.Contains(Caption, StringComparison.Ordinal));
        Assert.Equal(opens, page.Contains("data-publish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostPageStatusAndHistory_Stranger_GetsNotFoundAndTheirOwnHistory()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _stranger.GetAsync($"/jobs/{_post}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _stranger.GetAsync($"/jobs/{_post}/status")).StatusCode);
        var history = await _stranger.GetStringAsync($"/history?{WorkspaceChoice.QueryParameter}={_studio}");
        Assert.DoesNotContain(Caption, history);
        Assert.DoesNotContain("Studio", history);
        Assert.DoesNotContain("@studio", await _stranger.GetStringAsync($"/accounts?{WorkspaceChoice.QueryParameter}={_studio}"));
    }

    [Fact]
    public async Task OpenWorkspace_Stranger_IsNotLetInAndLandsInTheirOwn()
    {
        var open = await _stranger.GetAsync(WorkspaceEndpoints.OpenUrl(_studio, "/history"));

        Assert.Equal("/history", open.Headers.Location!.OriginalString);
        Assert.False(open.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains(_studio.ToString(), StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Cancel_RoleThatDoesNotCompose_IsNotFoundAndChangesNothing(WorkspaceRole role)
    {
        var member = _members[role];

        var cancel = await member.PostDialogFormAsync($"/jobs/{_post}", $"/jobs/{_post}/cancel");

        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(JobState.Scheduled, await StateOfPostAsync());
    }

    [Fact]
    public async Task Cancel_Stranger_IsNotFoundAndChangesNothing()
    {
        var cancel = await _stranger.PostDialogFormAsync("/history", $"/jobs/{_post}/cancel");

        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(JobState.Scheduled, await StateOfPostAsync());
    }

    [Fact]
    public async Task Cancel_Editor_CancelsTheWorkspacesPost()
    {
        var cancel = await _members[WorkspaceRole.Editor].PostDialogFormAsync($"/jobs/{_post}", $"/jobs/{_post}/cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(JobState.Cancelled, await StateOfPostAsync());
        Assert.Equal("Cancelled by Eve Editor. Nothing was posted on TikTok.", await _app.QueryAsync(db =>
            db.PublishEvents.Where(e => e.JobId == _post && e.State == JobState.Cancelled).Select(e => e.Message).SingleAsync()));
    }

    [Fact]
    public async Task Retry_Viewer_IsNotFound_EditorMakesOneNewAttemptInTheWorkspace()
    {
        var failed = await SeedFailedPostAsync();

        var byViewer = await _members[WorkspaceRole.Viewer].PostDialogFormAsync($"/jobs/{failed}", $"/jobs/{failed}/retry");
        var byStranger = await _stranger.PostDialogFormAsync("/history", $"/jobs/{failed}/retry");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (byViewer.StatusCode, byStranger.StatusCode));
        Assert.Equal(0, await _app.QueryAsync(db => db.PublishJobs.CountAsync(j => j.RetryOfJobId == failed)));

        var byEditor = await _members[WorkspaceRole.Editor].PostDialogFormAsync($"/jobs/{failed}", $"/jobs/{failed}/retry");

        Assert.Equal(HttpStatusCode.Redirect, byEditor.StatusCode);
        var attempt = await _app.QueryAsync(db => db.PublishJobs.SingleAsync(j => j.RetryOfJobId == failed));
        Assert.Equal(_studio, attempt.WorkspaceId);
    }

    [Fact]
    public async Task Disconnect_Editor_IsRefusedAndTheWorkspacesAccountStays()
    {
        var account = await _app.QueryAsync(db => db.TikTokAccounts.Select(a => a.Id).SingleAsync());

        var disconnect = await _members[WorkspaceRole.Editor].PostDialogFormAsync("/settings", TikTokEndpoints.DisconnectPath(account));

        Assert.Equal(HttpStatusCode.Redirect, disconnect.StatusCode);
        Assert.Equal(AccountsNoticeText.For(AccountsNotice.NotFound, null), _app.NoticeIn(disconnect)?.Text);
        Assert.Equal(1, await _app.QueryAsync(db => db.TikTokAccounts.CountAsync(a => a.Id == account && a.AccessTokenCipher != null)));
    }

    /// <summary>A browser without the page's script posts the upload form; the compose page it returns to keeps the account only for a composer.</summary>
    [Theory]
    [InlineData(WorkspaceRole.Editor, true)]
    [InlineData(WorkspaceRole.Viewer, false)]
    [InlineData(null, false)]
    public async Task PlainFormUpload_ForTheWorkspacesAccount_KeepsItOnlyForSomeoneWhoMayComposeThere(WorkspaceRole? role, bool kept)
    {
        var client = role is { } member ? _members[member] : _stranger;
        var account = await _app.QueryAsync(db => db.TikTokAccounts.Select(a => a.Id).SingleAsync());

        using var upload = await client.PostUploadFormAsync($"{Midx.App.Publishing.UploadEndpoints.Path}?account={account:N}",
            AntiforgeryForms.Token(await client.GetStringAsync("/")), VideoFixtures.Mp4TwoSeconds, "teaser.mp4", "video/mp4");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(kept, upload.Headers.Location!.OriginalString.Contains($"account={account:N}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostPage_Viewer_OffersNoCancel()
    {
        var viewer = _members[WorkspaceRole.Viewer];

        var page = await viewer.GetStringAsync($"/jobs/{_post}");

        Assert.Contains(Caption, page);
        Assert.DoesNotContain("data-job-action=\"cancel\"", page);
        Assert.Contains("data-job-action=\"cancel\"", await _members[WorkspaceRole.Editor].GetStringAsync($"/jobs/{_post}"));
    }

    [Fact]
    public async Task Compose_Viewer_IsToldTheirRoleFollowsPostsAndGetsNoForm()
    {
        var viewer = _members[WorkspaceRole.Viewer];
        await OpenStudioAsync(viewer);

        var page = await viewer.GetStringAsync("/compose");

        Assert.Contains("data-compose-not-allowed", page);
        Assert.Contains("As a Viewer of Studio you see its posts", page);
        Assert.DoesNotContain("data-publish", page);
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Link_RoleThatDoesNotLink_GetsNoButtonAndIsRefusedWithANotice(WorkspaceRole role)
    {
        var member = _members[role];
        await OpenStudioAsync(member);

        var accounts = await member.GetStringAsync("/accounts");
        Assert.DoesNotContain("data-link-tiktok", accounts);
        Assert.Contains("data-cannot-link", accounts);
        var link = await member.PostDialogFormAsync("/settings", TikTokEndpoints.LinkUrl(_studio));

        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal(AccountsPage.Path, link.Headers.Location!.OriginalString);
        Assert.Equal(AccountsNoticeText.For(AccountsNotice.CannotLink, null), _app.NoticeIn(link)?.Text);
        Assert.Equal(0, await _app.QueryAsync(db => db.OAuthLinkStates.CountAsync()));
    }

    [Fact]
    public async Task LiveUpdate_OfTheWorkspacesPost_ReachesEveryMemberButNotTheStranger()
    {
        var listeners = new Dictionary<string, CircuitListener>();
        foreach (var email in new[] { "grace", "pat", "eve", "vic", "alan" })
        {
            listeners[email] = await CircuitListener.StartAsync(_app.Services, (await _app.UserByEmailAsync(email + "@sandbox.midx.test")).Id);
        }

        try
        {
            var cancel = await _members[WorkspaceRole.Editor].PostDialogFormAsync($"/jobs/{_post}", $"/jobs/{_post}/cancel");
            Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

            foreach (var member in new[] { "grace", "pat", "eve", "vic" })
            {
                Assert.Equal(_post, (await listeners[member].NextUpdateAsync(TimeSpan.FromSeconds(10)))?.JobId);
            }

            Assert.Null(await listeners["alan"].NextUpdateAsync(TimeSpan.FromSeconds(1)));
        }
        finally
        {
            foreach (var listener in listeners.Values)
            {
                await listener.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task LiveUpdate_AfterAMemberLeft_DoesNotReachThem()
    {
        var vic = await _app.UserByEmailAsync("vic@sandbox.midx.test");
        await using var listener = await CircuitListener.StartAsync(_app.Services, vic.Id);
        await _app.QueryAsync(db => db.WorkspaceMembers.Where(m => m.WorkspaceId == _studio && m.UserId == vic.Id).ExecuteDeleteAsync());

        var cancel = await _members[WorkspaceRole.Editor].PostDialogFormAsync($"/jobs/{_post}", $"/jobs/{_post}/cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Null(await listener.NextUpdateAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(HttpStatusCode.NotFound, (await _members[WorkspaceRole.Viewer].GetAsync($"/jobs/{_post}")).StatusCode);
    }

    [Fact]
    public async Task InboxDraftsOnlyWorkspace_LinkAsksForNoDirectPostScopeAndComposeOffersOnlyDrafts()
    {
        await _app.QueryAsync(db => db.Workspaces.Where(w => w.Id == _studio).ExecuteUpdateAsync(w => w.SetProperty(x => x.InboxDraftsOnly, true)));
        var owner = _members[WorkspaceRole.Owner];
        await OpenStudioAsync(owner);

        var link = await owner.PostFormAsync("/accounts", TikTokEndpoints.LinkUrl(_studio));
        var scopes = System.Web.HttpUtility.ParseQueryString(link.Headers.Location!.Query)["scope"]!.Split(',');
        var compose = await owner.GetStringAsync("/compose");

        Assert.DoesNotContain(Midx.Core.TikTok.TikTokScopes.VideoPublish, scopes);
        Assert.Contains(Midx.Core.TikTok.TikTokScopes.VideoUpload, scopes);
        Assert.Contains("data-inbox-drafts-only", compose);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(PostingBoundary.InboxDraftsOnly), compose);
    }

    /// <summary>A Direct Post of Studio's, from a link, that TikTok refused: one that Retry may send again.</summary>
    private async Task<Guid> SeedFailedPostAsync()
    {
        var grace = await _app.UserByEmailAsync("grace@sandbox.midx.test");
        var account = await _app.QueryAsync(db => db.TikTokAccounts.Select(a => a.Id).SingleAsync());
        var failed = new PublishJob
        {
            UserId = grace.Id, WorkspaceId = _studio, TikTokAccountId = account, SubmissionKey = "studio-failed", Caption = "Studio retake",
            Source = VideoSource.Url, SourceUrl = "https://videos.midx.test/retake.mp4", PrivacyLevel = "SELF_ONLY",
            State = JobState.Failed, ErrorCode = "internal_error", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, CompletedAt = DateTime.UtcNow,
        };
        await _app.QueryAsync(db =>
        {
            db.PublishJobs.Add(failed);
            db.ConsentRecords.Add(new ConsentRecord
            {
                JobId = failed.Id, UserId = grace.Id, AgreedAt = DateTime.UtcNow, CreatorNickname = "Public", DeclarationText = "By posting…", ShownJson = "{}",
            });
            return db.SaveChangesAsync();
        });
        return failed.Id;
    }

    /// <summary>What the switcher does: remembers Studio for the client's next pages.</summary>
    private async Task OpenStudioAsync(HttpClient client)
    {
        var open = await client.GetAsync(WorkspaceEndpoints.OpenUrl(_studio, "/history"));
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
    }

    private Task<JobState> StateOfPostAsync() => _app.QueryAsync(db => db.PublishJobs.Where(j => j.Id == _post).Select(j => j.State).SingleAsync());

    public Task DisposeAsync()
    {
        foreach (var client in _members.Values.Append(_stranger))
        {
            client.Dispose();
        }

        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Studio asks for review and its post waits for it.</summary>
    private Task AwaitReviewAsync() => _app.QueryAsync(async db =>
    {
        await db.Workspaces.Where(w => w.Id == _studio).ExecuteUpdateAsync(w => w.SetProperty(x => x.RequiresReview, true));
        return await db.PublishJobs.Where(j => j.Id == _post).ExecuteUpdateAsync(j => j.SetProperty(x => x.State, JobState.AwaitingReview));
    });
}
