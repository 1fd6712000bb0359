using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Midx.App.Accounts;
using Midx.App.Components.Shared;
using Midx.Core.Accounts;
using Midx.Core.Connect;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Webhooks;
using Midx.Core.Workspaces;
using Bunit;
using Midx.Tests.TikTok;

namespace Midx.Tests.Support;

/// <summary>
/// A <see cref="MudBlazorTestContext"/> for pages that load through <see cref="FreshScope"/>: the Core queries they
/// resolve over a migrated in-memory SQLite database, TikTok configured (switch it off with <see cref="TikTokSettings"/>
/// before the first render), and helpers to seed people, accounts and posts and to sign one of them in.
/// </summary>
public abstract class PageTestContext : MudBlazorTestContext
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    protected PageTestContext()
    {
        Context.Services.AddDbContext<MidxDbContext>(options => options.UseSqlite(_connection));
        Context.Services.AddMidxTikTok();
        Context.Services.AddMidxAccounts();
        Context.Services.AddMidxWorkspaces();
        Context.Services.AddMidxWebhooks();
        Context.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Context.Services.AddMidxConnect();
        Context.Services.AddSingleton<FreshScope>();
        Context.Services.AddSingleton(Options.Create(TikTokSettings));
    }

    /// <summary>The app's <c>TikTok</c> settings, configured with made-up credentials.</summary>
    protected TikTokOptions TikTokSettings { get; } = TikTokClientBuilder.Options();

    public override async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _connection.DisposeAsync();
    }

    protected async Task<User> AddUserAsync(string email, string name, bool isAdmin = false)
    {
        await using var db = NewContext();
        var user = new User { GoogleSubject = "sub-" + email, Email = email, Name = name, IsAdmin = isAdmin, CreatedAt = UtcNow.AddDays(-30), LastSeenAt = UtcNow };
        db.AddPerson(user);
        await db.SaveChangesAsync();
        return user;
    }

    protected async Task<TikTokAccount> AddAccountAsync(Guid userId, string username, Action<TikTokAccount>? configure = null)
    {
        await using var db = NewContext();
        var account = new TikTokAccount
        {
            UserId = userId,
            WorkspaceId = userId,
            OpenId = "open-" + Guid.NewGuid().ToString("N"),
            Username = username,
            DisplayName = username.ToUpperInvariant(),
            GrantedScopes = TikTokOptions.DefaultScopes,
            ConnectedAt = UtcNow.AddDays(-2),
            LastSeenAt = UtcNow.AddHours(-1),
            AccessTokenExpiresAt = UtcNow.AddHours(20),
            NextRefreshAttemptAt = UtcNow.AddHours(2),
        };
        configure?.Invoke(account);
        db.TikTokAccounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }

    protected async Task<PublishJob> AddJobAsync(Guid userId, Guid accountId, JobState state, Action<PublishJob>? configure = null)
    {
        await using var db = NewContext();
        var job = new PublishJob
        {
            UserId = userId,
            WorkspaceId = userId,
            TikTokAccountId = accountId,
            SubmissionKey = Guid.NewGuid().ToString("N"),
            State = state,
            FileName = "clip.mp4",
            FileSize = 9582,
            MimeType = "video/mp4",
            ScheduledAt = state == JobState.Scheduled ? UtcNow.AddDays(1) : null,
            Caption = "Harbour at dusk",
            PrivacyLevel = "SELF_ONLY",
            CreatedAt = UtcNow,
            UpdatedAt = UtcNow,
        };
        configure?.Invoke(job);
        db.PublishJobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    }

    protected async Task<PublishJob> FindJobAsync(Guid jobId)
    {
        await using var db = NewContext();
        return await db.PublishJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    /// <summary>A shared workspace with <paramref name="members"/> in it, each with their role.</summary>
    protected async Task<Workspace> AddSharedAsync(string name, params (User User, WorkspaceRole Role)[] members)
    {
        await using var db = NewContext();
        var workspace = new Workspace { Name = name, CreatedAt = UtcNow.AddDays(-3) };
        db.Workspaces.Add(workspace);
        db.WorkspaceMembers.AddRange(members.Select(m => new WorkspaceMember
        {
            WorkspaceId = workspace.Id, UserId = m.User.Id, Role = m.Role, JoinedAt = UtcNow.AddDays(-2),
        }));
        await db.SaveChangesAsync();
        return workspace;
    }

    /// <summary>
    /// Signs <paramref name="user"/> in with the claims a Midx session carries, showing <paramref name="workspace"/> (their
    /// personal workspace when null) as the layout would; call before the first render.
    /// </summary>
    protected void SignIn(User user, WorkspaceMembership? workspace = null)
    {
        var auth = Context.AddAuthorization();
        auth.SetAuthorized(user.Name);
        auth.SetClaims(SessionPrincipal.Create(user).Claims.Where(c => c.Type != ClaimTypes.Name).ToArray());
        var shown = workspace ?? new WorkspaceMembership(user.Id, Workspace.PersonalName, IsPersonal: true, InboxDraftsOnly: false, WorkspaceRole.Owner);
        Context.Services.AddCascadingValue(_ => shown);
    }

    /// <summary>A context of its own on the test database, for set-up and assertions that must not resolve services before the first render.</summary>
    protected MidxDbContext NewContext() => new(new DbContextOptionsBuilder<MidxDbContext>().UseSqlite(_connection).Options);
}
