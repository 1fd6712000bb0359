using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Api;

/// <summary>A key just made (by creation or rotation): its id, and its whole secret, which is shown this once and never again.</summary>
public sealed record IssuedApiKey(WorkspaceActionResult Result, Guid? KeyId = null, string? Key = null);

/// <summary>
/// An Owner makes, revokes and rotates a workspace's API keys (they are its settings); every change is audited. A
/// rotation makes a new key with the same name, scopes and expiry and lets the old one work for
/// <see cref="RotationOverlap"/> more, so an integration can switch without a gap.
/// </summary>
public sealed class ApiKeyCommands(MidxDbContext db, AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    public const string NotAllowedMessage = "Only an Owner of this workspace can manage its API keys.";

    public const string NameRequired = "Give the key a name that says where it is used.";

    public static readonly string NameTooLong = $"A key's name can be at most {ApiKey.MaxNameLength} characters.";

    public const string ScopeRequired = "Choose at least one thing the key may do.";

    public const string ExpiryInPast = "Choose an expiry date in the future, or none.";

    public const string NoSuchKey = "There is no such key in this workspace.";

    public const string AlreadyRevoked = "This key is already revoked.";

    public const string AlreadyExpired = "This key has expired: Midx refuses it already. Create a new key instead.";

    public async Task<IssuedApiKey> CreateAsync(Guid userId, Guid workspaceId, string? name, ApiScope scopes, DateTime? expiresAt, CancellationToken cancellationToken)
    {
        var (workspace, refusal) = await FindAsync(userId, workspaceId, cancellationToken);
        if (workspace is null)
        {
            return new IssuedApiKey(refusal!);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var problem = name?.Trim() switch
        {
            null or "" => NameRequired,
            { Length: > ApiKey.MaxNameLength } => NameTooLong,
            _ => scopes == ApiScope.None ? ScopeRequired : expiresAt <= now ? ExpiryInPast : null,
        };
        if (problem is not null)
        {
            return new IssuedApiKey(WorkspaceActionResult.Refused(problem));
        }

        var (key, secret) = New(workspace.Id, name!.Trim(), scopes, userId, now, expiresAt);
        audit.Add(AuditActions.ApiKeyCreated, userId, userId, $"key {key.Prefix} ({ApiScopes.Names(scopes)}) in workspace {workspace.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(WorkspaceActionResult.Done($"Key \"{key.Name}\" created. Copy it now: Midx shows it only this once."), key.Id, secret);
    }

    public async Task<WorkspaceActionResult> RevokeAsync(Guid userId, Guid workspaceId, Guid keyId, CancellationToken cancellationToken)
    {
        var (key, refusal) = await FindKeyAsync(userId, workspaceId, keyId, cancellationToken);
        if (key is null)
        {
            return refusal!;
        }

        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.ApiKeyRevoked, userId, userId, $"key {key.Prefix} in workspace {workspaceId}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done($"Key \"{key.Name}\" ({key.Prefix}…) is revoked: Midx refuses it from now on.");
    }

    public async Task<IssuedApiKey> RotateAsync(Guid userId, Guid workspaceId, Guid keyId, CancellationToken cancellationToken)
    {
        var (old, refusal) = await FindKeyAsync(userId, workspaceId, keyId, cancellationToken);
        if (old is null)
        {
            return new IssuedApiKey(refusal!);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var overlapEnds = now + RotationOverlap;
        var (key, secret) = New(workspaceId, old.Name, old.Scopes, userId, now, old.ExpiresAt);
        key.RotatedFromKeyId = old.Id;
        old.ExpiresAt = old.ExpiresAt is { } expires && expires < overlapEnds ? expires : overlapEnds;
        audit.Add(AuditActions.ApiKeyRotated, userId, userId, $"key {old.Prefix} replaced by {key.Prefix} in workspace {workspaceId}");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(WorkspaceActionResult.Done(
            $"New key for \"{key.Name}\" created. Copy it now: Midx shows it only this once. The old key ({old.Prefix}…) works until {old.ExpiresAt:yyyy-MM-dd HH:mm} UTC."),
            key.Id, secret);
    }

    private (ApiKey Key, string Secret) New(Guid workspaceId, string name, ApiScope scopes, Guid userId, DateTime now, DateTime? expiresAt)
    {
        var (secret, prefix) = ApiKeySecret.New();
        var key = new ApiKey
        {
            WorkspaceId = workspaceId, Name = name, Prefix = prefix, SecretHash = ApiKeySecret.Hash(secret), Scopes = scopes,
            CreatedByUserId = userId, CreatedAt = now, ExpiresAt = expiresAt,
        };
        db.ApiKeys.Add(key);
        return (key, secret);
    }

    private static readonly WorkspaceActionResult NotAllowed = new(WorkspaceActionOutcome.NotAllowed, NotAllowedMessage);

    private Task<(Workspace? Workspace, WorkspaceActionResult? Refusal)> FindAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        db.FindWhereAllowedAsync(userId, workspaceId, WorkspacePermission.ManageSettings, NotAllowed, cancellationToken);

    /// <summary>A key of the workspace that still works, for an Owner; otherwise why not.</summary>
    private async Task<(ApiKey? Key, WorkspaceActionResult? Refusal)> FindKeyAsync(Guid userId, Guid workspaceId, Guid keyId, CancellationToken cancellationToken)
    {
        var (key, refusal) = await db.FindItemWhereAllowedAsync(userId, workspaceId, WorkspacePermission.ManageSettings, NotAllowed,
            db.ApiKeys.Where(k => k.Id == keyId && k.WorkspaceId == workspaceId), NoSuchKey, cancellationToken);
        return key switch
        {
            null => (null, refusal),
            { RevokedAt: not null } => (null, WorkspaceActionResult.Refused(AlreadyRevoked)),
            // A rotation would hand out a successor born expired, with the old key's expiry.
            _ when !key.IsActive(time.GetUtcNow().UtcDateTime) => (null, WorkspaceActionResult.Refused(AlreadyExpired)),
            _ => (key, null),
        };
    }
}
