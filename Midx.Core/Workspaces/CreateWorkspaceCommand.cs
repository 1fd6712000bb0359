using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>Creates a shared workspace with its creator as its one Owner.</summary>
public sealed class CreateWorkspaceCommand(MidxDbContext db, AuditLog audit, TimeProvider time)
{
    public const string NameRequired = "Give the workspace a name.";

    public static readonly string NameTooLong = $"A workspace name can be at most {Workspace.MaxNameLength} characters.";

    /// <summary>Why <paramref name="name"/> cannot name a workspace, or null when it can (once trimmed).</summary>
    public static string? Problem(string? name) => name?.Trim() switch
    {
        null or "" => NameRequired,
        { Length: > Workspace.MaxNameLength } => NameTooLong,
        _ => null,
    };

    public async Task<CreateWorkspaceResult> ExecuteAsync(Guid userId, string? name, CancellationToken cancellationToken)
    {
        if (Problem(name) is { } problem)
        {
            return new CreateWorkspaceResult(null, problem);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var workspace = new Workspace { Name = name!.Trim(), CreatedAt = now };
        db.Workspaces.Add(workspace);
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspace.Id, UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = now });
        audit.Add(AuditActions.WorkspaceCreated, userId, userId, $"workspace {workspace.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreateWorkspaceResult(workspace.Id, null);
    }
}

/// <summary>The new workspace's id, or why there is none.</summary>
public sealed record CreateWorkspaceResult(Guid? WorkspaceId, string? Error)
{
    public bool Succeeded => WorkspaceId is not null;
}
