using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>The workspaces a person belongs to, their personal one first, then by name: what the switcher lists.</summary>
public sealed class MyWorkspacesQuery(MidxDbContext db)
{
    public async Task<IReadOnlyList<WorkspaceMembership>> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.WorkspaceMembers.AsNoTracking()
                          join w in db.Workspaces.AsNoTracking() on m.WorkspaceId equals w.Id
                          where m.UserId == userId
                          select new WorkspaceMembership(w.Id, w.Name, w.IsPersonal, w.InboxDraftsOnly, m.Role, w.RequiresReview))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(w => w.IsPersonal).ThenBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(w => w.Id).ToList();
    }
}
