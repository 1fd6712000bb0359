using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Connect;

/// <summary>
/// A connect link as the hosted page shows it: whose workspace (a personal one by its person's name), which app, and
/// whether it can still be used.
/// </summary>
public sealed record ConnectLinkView(
    Guid Id, Guid WorkspaceId, string WorkspaceName, bool IsPersonal, string AppName, bool InboxDraftsOnly, ConnectLinkStatus Status, DateTime ExpiresAt);

/// <summary>Finds connect links: by the secret a hosted page's address carries, and by id for the API key's workspace.</summary>
public sealed class ConnectLinksQuery(MidxDbContext db, TimeProvider time)
{
    /// <summary>The link whose secret is <paramref name="token"/>, or null when there is none.</summary>
    public async Task<ConnectLinkView?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = InvitationSecret.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await (from l in db.ConnectLinks.AsNoTracking()
                         where l.TokenHash == hash
                         join a in db.ApiApps on l.AppId equals a.Id
                         join w in db.Workspaces on l.WorkspaceId equals w.Id
                         // A personal workspace carries its person's id.
                         join u in db.Users on w.Id equals u.Id into people
                         from u in people.DefaultIfEmpty()
                         select new
                         {
                             l.Id, l.WorkspaceId, Workspace = w.IsPersonal && u != null ? u.Name : w.Name, w.IsPersonal, App = a.Name, w.InboxDraftsOnly,
                             l.UsedAt, l.ExpiresAt,
                         })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new ConnectLinkView(row.Id, row.WorkspaceId, row.Workspace, row.IsPersonal, row.App, row.InboxDraftsOnly, ConnectLink.StatusOf(row.UsedAt, row.ExpiresAt, now), row.ExpiresAt);
    }

    /// <summary>The workspace's link <paramref name="id"/>; null for another workspace's, as for none.</summary>
    public Task<ConnectLink?> FindAsync(Guid workspaceId, Guid id, CancellationToken cancellationToken) =>
        db.ConnectLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.WorkspaceId == workspaceId, cancellationToken);
}
