using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Tests.Support;

/// <summary>Seeds a person the way their first sign-in creates them: with their personal workspace.</summary>
internal static class PersonSeed
{
    public static User AddPerson(this MidxDbContext db, User user)
    {
        var (workspace, owner) = Workspace.PersonalFor(user.Id, user.CreatedAt);
        db.Users.Add(user);
        db.Workspaces.Add(workspace);
        db.WorkspaceMembers.Add(owner);
        return user;
    }
}
