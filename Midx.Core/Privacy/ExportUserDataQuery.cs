using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Privacy;

/// <summary>
/// Everything Midx stores about one user, as the JSON document of "Download my data" (privacy promise 11, listed on /privacy).
/// Each stored column of a user-owned table is either exported under its own name or listed in
/// <see cref="ExcludedColumns"/> with the reason; a test walks the EF model to keep it that way.
/// </summary>
public sealed class ExportUserDataQuery(MidxDbContext db, TimeProvider time)
{
    public const int SchemaVersion = 1;

    /// <summary>Columns deliberately left out of the export, keyed "Table.Column", with why.</summary>
    private const string ApiPostsAreNobodys =
        "Set only on a post an API key sent, which no person composed or agreed to in Midx: no one's export holds such a post.";

    public static IReadOnlyDictionary<string, string> ExcludedColumns { get; } = new Dictionary<string, string>
    {
        ["TikTokAccounts.AccessTokenCipher"] = "An encrypted TikTok access token: tokens are never exported (promise 8).",
        ["TikTokAccounts.RefreshTokenCipher"] = "An encrypted TikTok refresh token: tokens are never exported (promise 8).",
        ["Users.SecurityStamp"] = "A random server-side value that ends sessions; it says nothing about the person.",
        ["PublishJobs.UploadUrl"] = "TikTok's upload address carries a one-time upload token, a credential.",
        ["PublishJobs.MediaPath"] = "Where the server kept the file; the file name, size and type are exported.",
        ["PublishJobs.LeaseOwner"] = "Which server process was working on the job: internal bookkeeping.",
        ["PublishJobs.LeaseExpiresAt"] = "When that process's claim on the job lapses: internal bookkeeping.",
        ["TikTokAccounts.NextStatusPollAt"] = "When Midx may next ask TikTok about an upload of the account, to keep within TikTok's rate limit: internal bookkeeping.",
        ["OAuthLinkStates.CodeVerifier"] = "A PKCE secret of an unfinished TikTok link, valid for minutes.",
        ["WorkspaceInvitations.TokenHash"] = "A hash of an invitation link's one-time secret: it identifies the link and says nothing about anyone.",
        ["ApiKeys.SecretHash"] = "A hash of an API key's secret: it identifies the key and says nothing about anyone.",
        ["PublishJobs.ApiKeyId"] = ApiPostsAreNobodys,
        ["ConsentRecords.ApiKeyId"] = ApiPostsAreNobodys,
        ["ConsentRecords.CallerConsentText"] = ApiPostsAreNobodys,
        ["WebhookEndpoints.SecretCipher"] = "A webhook endpoint's encrypted signing secret, a credential: secrets are never exported (promise 8).",
        ["OAuthLinkStates.ConnectLinkId"] = "Set only for a TikTok link started from a hosted connect link, which has no Midx user: never in a person's export.",
        ["TikTokAccounts.LinkedThroughApp"] = "Set only for an account linked through a hosted connect link, which has no Midx user: never in a person's export.",
    };

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<UserDataExport?> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new ExportedUser(u.Id, u.GoogleSubject, u.Email, u.Name, u.AvatarUrl, u.IsAdmin, u.IsDisabled, u.CreatedAt, u.LastSeenAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var accounts = await db.TikTokAccounts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.ConnectedAt)
            .Select(a => new ExportedTikTokAccount(
                a.Id, a.UserId, a.WorkspaceId, a.OpenId, a.UnionId, a.Username, a.DisplayName, a.AvatarUrl, a.GrantedScopes, a.ConnectedAt, a.LastSeenAt,
                a.AccessTokenExpiresAt, a.RefreshTokenExpiresAt, a.TokenState, a.TokenProblem, a.LastRefreshedAt, a.RefreshFailures, a.NextRefreshAttemptAt))
            .ToListAsync(cancellationToken);

        var jobs = await db.PublishJobs.AsNoTracking()
            .Where(j => j.UserId == userId)
            .OrderBy(j => j.CreatedAt)
            .ToListAsync(cancellationToken);
        var jobIds = jobs.Select(j => j.Id).ToList();
        var events = (await db.PublishEvents.AsNoTracking().Where(e => jobIds.Contains(e.JobId)).ToListAsync(cancellationToken))
            .OrderBy(e => e.At).ToLookup(e => e.JobId);
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.UserId == userId).ToDictionaryAsync(c => c.JobId, cancellationToken);

        var uploads = jobs.Select(j => new ExportedUpload(
            j.Id, j.UserId, j.WorkspaceId, j.TikTokAccountId, j.Mode, j.Source, j.FileName, j.FileSize, j.MimeType, j.SourceUrl, j.DurationMs, j.Caption,
            j.PrivacyLevel, j.DisableComment, j.DisableDuet, j.DisableStitch, j.CoverTimestampMs, j.BrandContentToggle, j.BrandOrganicToggle,
            j.IsAigc, j.ScheduledAt, j.State, j.CreatedAt, j.UpdatedAt, j.CompletedAt, j.InitStartedAt, j.PublishId, j.BytesUploaded,
            j.TikTokStatus, j.PublicPostId, j.NextPollAt, j.ReviewComment, j.ErrorCode, j.ErrorMessage, j.ErrorLogId, j.RetryOfJobId, j.SubmissionKey,
            events[j.Id].Select(e => new ExportedStatus(e.Id, e.JobId, e.At, e.State, e.TikTokStatus, e.BytesUploaded, e.Message, e.ErrorCode, e.LogId)).ToList(),
            consents.TryGetValue(j.Id, out var c)
                ? ExportedConsent.From(c)
                : null)).ToList();

        // Consents they gave to posts others composed (they edited them last): theirs, though the posts are not.
        var composed = jobIds.ToHashSet();
        var consentsOnOthersPosts = consents.Values.Where(c => !composed.Contains(c.JobId)).OrderBy(c => c.AgreedAt)
            .Select(ExportedConsent.From)
            .ToList();

        // Posts they approved, whoever composed them: what they saw and agreed to as the reviewer.
        var approvals = await (from c in db.ConsentRecords.AsNoTracking()
                               join j in db.PublishJobs.AsNoTracking() on c.JobId equals j.Id
                               where c.ApprovedByUserId == userId
                               orderby c.ApprovedAt
                               select new ExportedApproval(c.JobId, j.WorkspaceId, j.Caption, c.CreatorNickname, c.CreatorUsername, c.ApprovedAt!.Value,
                                   c.ApprovalDeclarationText!, c.ApprovalShownJson!))
            .ToListAsync(cancellationToken);

        var audit = await db.AuditEvents.AsNoTracking()
            .Where(e => e.ActorUserId == userId || e.SubjectUserId == userId)
            .OrderBy(e => e.At)
            .Select(e => new ExportedAuditEvent(e.Id, e.At, e.ActorUserId, e.SubjectUserId, e.Action, e.Detail))
            .ToListAsync(cancellationToken);

        var pendingLinks = await db.OAuthLinkStates.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => new ExportedPendingLink(s.Id, s.UserId!.Value, s.WorkspaceId, s.CreatedAt, s.ExpiresAt))
            .ToListAsync(cancellationToken);

        var memberships = await (from m in db.WorkspaceMembers.AsNoTracking()
                                 join w in db.Workspaces.AsNoTracking() on m.WorkspaceId equals w.Id
                                 where m.UserId == userId
                                 orderby m.JoinedAt
                                 select new ExportedMembership(m.WorkspaceId, m.UserId, m.Role, m.JoinedAt,
                                     new ExportedWorkspace(w.Id, w.Name, w.IsPersonal, w.InboxDraftsOnly, w.RequiresReview, w.CreatedAt)))
            .ToListAsync(cancellationToken);

        var invitations = await db.WorkspaceInvitations.AsNoTracking()
            .Where(i => i.InvitedByUserId == userId || i.AcceptedByUserId == userId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new ExportedInvitation(i.Id, i.WorkspaceId, i.Email, i.Role, i.InvitedByUserId, i.CreatedAt, i.ExpiresAt, i.AcceptedAt,
                i.AcceptedByUserId, i.RevokedAt))
            .ToListAsync(cancellationToken);

        var apiKeys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.CreatedByUserId == userId)
            .OrderBy(k => k.CreatedAt)
            .Select(k => new ExportedApiKey(k.Id, k.WorkspaceId, k.Name, k.Prefix, k.Scopes, k.CreatedByUserId, k.CreatedAt, k.ExpiresAt, k.LastUsedAt,
                k.RevokedAt, k.RotatedFromKeyId))
            .ToListAsync(cancellationToken);

        var webhookEndpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.CreatedByUserId == userId)
            .OrderBy(e => e.CreatedAt)
            .Select(e => new ExportedWebhookEndpoint(e.Id, e.WorkspaceId, e.Url, e.Events, e.CreatedByUserId, e.CreatedAt, e.DisabledAt, e.DisabledReason,
                e.ConsecutiveFailures))
            .ToListAsync(cancellationToken);

        var apiApps = await db.ApiApps.AsNoTracking()
            .Where(a => a.CreatedByUserId == userId)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new ExportedApiApp(a.Id, a.WorkspaceId, a.Name, a.RedirectUrls, a.CreatedByUserId, a.CreatedAt))
            .ToListAsync(cancellationToken);

        return new UserDataExport(SchemaVersion, time.GetUtcNow().UtcDateTime, user, memberships, invitations, accounts, uploads, consentsOnOthersPosts, approvals, audit, pendingLinks, apiKeys,
            webhookEndpoints, apiApps, ExcludedColumns);
    }
}

public sealed record UserDataExport(
    int SchemaVersion,
    DateTime ExportedAt,
    ExportedUser Profile,
    IReadOnlyList<ExportedMembership> Workspaces,
    IReadOnlyList<ExportedInvitation> Invitations,
    IReadOnlyList<ExportedTikTokAccount> TikTokAccounts,
    IReadOnlyList<ExportedUpload> Uploads,
    IReadOnlyList<ExportedConsent> ConsentsOnOthersPosts,
    IReadOnlyList<ExportedApproval> Approvals,
    IReadOnlyList<ExportedAuditEvent> AuditEvents,
    IReadOnlyList<ExportedPendingLink> PendingTikTokLinks,
    IReadOnlyList<ExportedApiKey> ApiKeys,
    IReadOnlyList<ExportedWebhookEndpoint> WebhookEndpoints,
    IReadOnlyList<ExportedApiApp> ApiApps,
    IReadOnlyDictionary<string, string> NotExported);

public sealed record ExportedUser(
    Guid Id, string GoogleSubject, string Email, string Name, string? AvatarUrl, bool IsAdmin, bool IsDisabled, DateTime CreatedAt, DateTime LastSeenAt);

/// <summary>The person's place in a workspace: their role there, and the workspace.</summary>
public sealed record ExportedMembership(Guid WorkspaceId, Guid UserId, Workspaces.WorkspaceRole Role, DateTime JoinedAt, ExportedWorkspace Workspace);

public sealed record ExportedWorkspace(Guid Id, string Name, bool IsPersonal, bool InboxDraftsOnly, bool RequiresReview, DateTime CreatedAt);

/// <summary>An invitation the person sent or accepted.</summary>
public sealed record ExportedInvitation(
    Guid Id, Guid WorkspaceId, string Email, Workspaces.WorkspaceRole Role, Guid? InvitedByUserId, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? AcceptedAt, Guid? AcceptedByUserId, DateTime? RevokedAt);

public sealed record ExportedTikTokAccount(
    Guid Id, Guid? UserId, Guid WorkspaceId, string OpenId, string? UnionId, string? Username, string? DisplayName, string? AvatarUrl, string GrantedScopes,
    DateTime ConnectedAt, DateTime LastSeenAt, DateTime? AccessTokenExpiresAt, DateTime? RefreshTokenExpiresAt, TikTok.TokenState TokenState,
    string? TokenProblem, DateTime? LastRefreshedAt, int RefreshFailures, DateTime? NextRefreshAttemptAt);

/// <summary>One upload; <see cref="TikTokAccountId"/> is null once its account was disconnected (the consent names the creator).</summary>
public sealed record ExportedUpload(
    Guid Id, Guid? UserId, Guid WorkspaceId, Guid? TikTokAccountId, Publishing.PublishMode Mode, Publishing.VideoSource Source, string? FileName, long FileSize,
    string? MimeType, string? SourceUrl, int? DurationMs, string Caption, string? PrivacyLevel, bool DisableComment, bool DisableDuet,
    bool DisableStitch, int? CoverTimestampMs, bool BrandContentToggle, bool BrandOrganicToggle, bool IsAigc, DateTime? ScheduledAt,
    Publishing.JobState State, DateTime CreatedAt, DateTime UpdatedAt, DateTime? CompletedAt, DateTime? InitStartedAt, string? PublishId,
    long BytesUploaded, string? TikTokStatus, string? PublicPostId, DateTime? NextPollAt, string? ReviewComment, string? ErrorCode, string? ErrorMessage,
    string? ErrorLogId, Guid? RetryOfJobId, string SubmissionKey, IReadOnlyList<ExportedStatus> StatusHistory, ExportedConsent? Consent);

public sealed record ExportedStatus(
    Guid Id, Guid JobId, DateTime At, Publishing.JobState State, string? TikTokStatus, long? BytesUploaded, string? Message, string? ErrorCode, string? LogId);

public sealed record ExportedConsent(
    Guid Id, Guid JobId, Guid? UserId, DateTime AgreedAt, string CreatorNickname, string? CreatorUsername, string DeclarationText, string ShownJson,
    Guid? ApprovedByUserId, DateTime? ApprovedAt, string? ApprovalDeclarationText, string? ApprovalShownJson)
{
    public static ExportedConsent From(Publishing.ConsentRecord c) => new(c.Id, c.JobId, c.UserId, c.AgreedAt, c.CreatorNickname, c.CreatorUsername,
        c.DeclarationText, c.ShownJson, c.ApprovedByUserId, c.ApprovedAt, c.ApprovalDeclarationText, c.ApprovalShownJson);
}

/// <summary>A post the person approved as a reviewer: when, under which declaration, and the creator settings they saw.</summary>
public sealed record ExportedApproval(
    Guid JobId, Guid WorkspaceId, string Caption, string CreatorNickname, string? CreatorUsername, DateTime ApprovedAt, string DeclarationText, string ShownJson);

public sealed record ExportedAuditEvent(Guid Id, DateTime At, Guid? ActorUserId, Guid? SubjectUserId, string Action, string? Detail);

public sealed record ExportedPendingLink(string Id, Guid UserId, Guid WorkspaceId, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>An API key the person made for a workspace: its visible prefix and dates, never its secret or hash.</summary>
public sealed record ExportedApiKey(
    Guid Id, Guid WorkspaceId, string Name, string Prefix, Api.ApiScope Scopes, Guid? CreatedByUserId, DateTime CreatedAt, DateTime? ExpiresAt,
    DateTime? LastUsedAt, DateTime? RevokedAt, Guid? RotatedFromKeyId);

/// <summary>A webhook endpoint the person added to a workspace: its address and events, never its signing secret.</summary>
public sealed record ExportedWebhookEndpoint(
    Guid Id, Guid WorkspaceId, string Url, Webhooks.WebhookEventTypes Events, Guid? CreatedByUserId, DateTime CreatedAt, DateTime? DisabledAt,
    Webhooks.WebhookDisabledReason? DisabledReason, int ConsecutiveFailures);
/// <summary>An API app the person made for a workspace, with the redirect URLs it registers.</summary>
public sealed record ExportedApiApp(Guid Id, Guid WorkspaceId, string Name, IReadOnlyList<string> RedirectUrls, Guid? CreatedByUserId, DateTime CreatedAt);
