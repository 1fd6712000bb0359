namespace Midx.Core.Workspaces;

/// <summary>
/// Who composes, cancels or retries a post: a member of its workspace, or one of the workspace's API keys, which acts
/// with <see cref="WorkspaceRoles.ApiKeyRole"/>. Exactly one of the two ids is set.
/// </summary>
public sealed record PostActor
{
    private PostActor(Guid? userId, Guid? apiKeyId) => (UserId, ApiKeyId) = (userId, apiKeyId);

    public Guid? UserId { get; }

    public Guid? ApiKeyId { get; }

    public static PostActor Member(Guid userId) => new(userId, null);

    public static PostActor Key(Guid apiKeyId) => new(null, apiKeyId);
}

/// <summary>A workspace where an actor may act, and the role it acts with there.</summary>
public sealed class ActorMembership
{
    public required Guid WorkspaceId { get; init; }
    public required WorkspaceRole Role { get; init; }
}
