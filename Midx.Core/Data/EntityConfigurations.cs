using Midx.Core.Accounts;
using Midx.Core.Api;
using Midx.Core.Admin;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Midx.Core.Data;

// Keys are client-generated version-7 GUIDs (time-ordered), so the same migrations run on SQLite and PostgreSQL
// without provider-specific identity columns; only the Data Protection package's own table has one. Enums are stored
// by name so rows stay readable.

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("Users");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.GoogleSubject).HasMaxLength(255);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.AvatarUrl).HasMaxLength(2048);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.HasIndex(x => x.GoogleSubject).IsUnique();
        b.HasIndex(x => x.Email);
        // The console's user list sorts by these (UserListQuery).
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.LastSeenAt);
    }
}

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> b)
    {
        b.ToTable("Workspaces");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(Workspace.MaxNameLength);
        // The console lists shared workspaces newest first (WorkspaceListQuery) without walking everyone's personal one.
        b.HasIndex(x => new { x.IsPersonal, x.CreatedAt, x.Id });
    }
}

internal sealed class WorkspaceMemberConfiguration : IEntityTypeConfiguration<WorkspaceMember>
{
    public void Configure(EntityTypeBuilder<WorkspaceMember> b)
    {
        b.ToTable("WorkspaceMembers");
        b.HasKey(x => new { x.WorkspaceId, x.UserId });
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        // Every scoped query asks "where may this person do this" (WorkspaceScope).
        b.HasIndex(x => new { x.UserId, x.Role });
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkspaceInvitationConfiguration : IEntityTypeConfiguration<WorkspaceInvitation>
{
    public void Configure(EntityTypeBuilder<WorkspaceInvitation> b)
    {
        b.ToTable("WorkspaceInvitations");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // Who invited and who accepted are kept as history; their leaving does not take the invitation with them.
        b.HasOne<User>().WithMany().HasForeignKey(x => x.InvitedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.AcceptedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TikTokAccountConfiguration : IEntityTypeConfiguration<TikTokAccount>
{
    public void Configure(EntityTypeBuilder<TikTokAccount> b)
    {
        b.ToTable("TikTokAccounts");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OpenId).HasMaxLength(128);
        b.Property(x => x.UnionId).HasMaxLength(128);
        b.Property(x => x.LinkedThroughApp).HasMaxLength(Connect.ApiApp.MaxNameLength);
        b.Property(x => x.Username).HasMaxLength(100);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.AvatarUrl).HasMaxLength(2048);
        b.Property(x => x.GrantedScopes).HasMaxLength(500);
        b.Property(x => x.TokenState).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.TokenProblem).HasMaxLength(500);
        b.HasIndex(x => x.OpenId).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.WorkspaceId);

        // Admin console token health: counts of accounts needing reconnect, failing refreshes and expired access tokens.
        b.HasIndex(x => new { x.TokenState, x.RefreshFailures });
        b.HasIndex(x => new { x.TokenState, x.AccessTokenExpiresAt });
        // Who linked it; the account belongs to its workspace and stays there when they leave Midx (DeleteAccountCommand
        // disconnects those of the workspaces that go with them).
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OAuthLinkStateConfiguration : IEntityTypeConfiguration<OAuthLinkState>
{
    public void Configure(EntityTypeBuilder<OAuthLinkState> b)
    {
        b.ToTable("OAuthLinkStates");
        b.Property(x => x.Id).HasMaxLength(128).ValueGeneratedNever();
        b.Property(x => x.CodeVerifier).HasMaxLength(128);
        b.HasIndex(x => x.ExpiresAt);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublishJobConfiguration : IEntityTypeConfiguration<PublishJob>
{
    public void Configure(EntityTypeBuilder<PublishJob> b)
    {
        b.ToTable("PublishJobs");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        // Every write checks the state it read, so a worker and a user's cancel can never overwrite each other.
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(32).IsConcurrencyToken();
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.MimeType).HasMaxLength(100);
        b.Property(x => x.MediaPath).HasMaxLength(1024);
        b.Property(x => x.SourceUrl).HasMaxLength(2048);
        b.Property(x => x.Caption).HasMaxLength(2200);
        b.Property(x => x.PrivacyLevel).HasMaxLength(64);
        b.Property(x => x.PublishId).HasMaxLength(128);
        b.Property(x => x.UploadUrl).HasMaxLength(2048);
        b.Property(x => x.TikTokStatus).HasMaxLength(64);
        b.Property(x => x.PublicPostId).HasMaxLength(64);
        b.Property(x => x.ErrorCode).HasMaxLength(100);
        b.Property(x => x.ErrorMessage).HasMaxLength(1000);
        b.Property(x => x.ErrorLogId).HasMaxLength(100);
        b.Property(x => x.ReviewComment).HasMaxLength(PublishReview.MaxCommentLength);
        b.Property(x => x.LeaseOwner).HasMaxLength(100);
        b.Property(x => x.SubmissionKey).HasMaxLength(64);
        // A submission key names one post in its workspace, whoever of its members sends it (a double click, a retry).
        b.HasIndex(x => new { x.WorkspaceId, x.SubmissionKey }).IsUnique();
        // TikTok's publish_id names one post for good: two jobs holding the same one would be two pages following one post.
        b.HasIndex(x => x.PublishId).IsUnique();
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        // A workspace's history, newest first.
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
        // A workspace's review queue, oldest first, and its badge's count.
        b.HasIndex(x => new { x.WorkspaceId, x.State, x.CreatedAt });
        // What a person composed (their export, the console's user page).
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => new { x.State, x.ScheduledAt });
        // With Id, the console's state filter walks its keyset order (CreatedAt, Id) instead of sorting every job in the
        // state, whichever other State index the planner weighs.
        b.HasIndex(x => new { x.State, x.CreatedAt, x.Id });
        // DueJobs asks, state by state, whose next attempt has come: with this index a worker's claim and the console's
        // queue depth read the due rows instead of scanning every job.
        b.HasIndex(x => new { x.State, x.NextPollAt });

        // (CreatedAt, Id) is the console's newest-first keyset order; with Id in the index SQLite walks it instead of
        // sorting a million rows when a filter (mode, source) has no index of its own.
        b.HasIndex(x => new { x.CreatedAt, x.Id });
        b.HasIndex(x => x.TikTokAccountId);
        b.HasIndex(x => x.ErrorCode);

        // Admin console: failures by time, and newest-first upload lists filtered by error code or account.
        b.HasIndex(x => new { x.State, x.UpdatedAt });
        b.HasIndex(x => new { x.ErrorCode, x.CreatedAt });
        b.HasIndex(x => new { x.TikTokAccountId, x.CreatedAt });
        // Who composed it; a shared workspace keeps the post when they leave Midx. Their own workspace's posts go with it.
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApiKey>().WithMany().HasForeignKey(x => x.ApiKeyId).OnDelete(DeleteBehavior.SetNull);
        // Disconnecting an account keeps its posts in the workspace's history (DisconnectTikTokAccountCommand settles the
        // unfinished ones first).
        b.HasOne<TikTokAccount>().WithMany().HasForeignKey(x => x.TikTokAccountId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PublishEventConfiguration : IEntityTypeConfiguration<PublishEvent>
{
    public void Configure(EntityTypeBuilder<PublishEvent> b)
    {
        b.ToTable("PublishEvents");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.TikTokStatus).HasMaxLength(64);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.ErrorCode).HasMaxLength(100);
        b.Property(x => x.LogId).HasMaxLength(100);
        b.HasIndex(x => new { x.JobId, x.At });
        b.HasIndex(x => x.At);
        b.HasOne<PublishJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.ToTable("ConsentRecords");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CreatorNickname).HasMaxLength(200);
        b.Property(x => x.CreatorUsername).HasMaxLength(100);
        b.Property(x => x.DeclarationText).HasMaxLength(1000);
        b.Property(x => x.ApprovalDeclarationText).HasMaxLength(1000);
        b.Property(x => x.CallerConsentText).HasMaxLength(PublishRequestRules.MaxConsentTextLength);
        b.HasIndex(x => x.JobId).IsUnique();
        b.HasIndex(x => x.UserId);
        // What a person approved (their export, leaving Midx).
        b.HasIndex(x => x.ApprovedByUserId);
        b.HasOne<PublishJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApiKey>().WithMany().HasForeignKey(x => x.ApiKeyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(ApiKey.MaxNameLength);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.Property(x => x.Scopes).HasConversion<string>().HasMaxLength(64);
        // Every API request finds its key by the prefix it presents.
        b.HasIndex(x => x.Prefix).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // Who made it is history; the key is the workspace's and stays with it.
        b.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApiKeyUsageConfiguration : IEntityTypeConfiguration<ApiKeyUsage>
{
    public void Configure(EntityTypeBuilder<ApiKeyUsage> b)
    {
        b.ToTable("ApiKeyUsage");
        b.HasKey(x => new { x.KeyId, x.Day });
        b.HasOne<ApiKey>().WithMany().HasForeignKey(x => x.KeyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.Detail).HasMaxLength(1000);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.ActorUserId, x.At });
        b.HasIndex(x => new { x.SubjectUserId, x.At });
        b.HasIndex(x => new { x.Action, x.At });
    }
}

internal sealed class WorkerHeartbeatConfiguration : IEntityTypeConfiguration<WorkerHeartbeat>
{
    public void Configure(EntityTypeBuilder<WorkerHeartbeat> b)
    {
        b.ToTable("WorkerHeartbeats");
        b.Property(x => x.Id).HasMaxLength(200).ValueGeneratedNever();
        b.Property(x => x.Worker).HasMaxLength(100);
        b.Property(x => x.Instance).HasMaxLength(100);
        b.Property(x => x.Detail).HasMaxLength(500);
    }
}

// PostgreSQL makes this key an identity column by convention, but dotnet-ef scaffolds from the SQLite model, which has
// no such convention. Said in the model, it reaches the snapshot and the migration, so PostgreSQL sees no pending change.
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.Property(x => x.Id).UseIdentityByDefaultColumn();
}
