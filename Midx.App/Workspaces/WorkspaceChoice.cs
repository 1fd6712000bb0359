using Microsoft.AspNetCore.WebUtilities;
using Midx.Core.Workspaces;

namespace Midx.App.Workspaces;

/// <summary>
/// Which workspace a tab shows. A page's address can name it (<c>?workspace=</c>), and the last one chosen is remembered
/// in a cookie for tabs opened without one; a circuit keeps what it started with, so two tabs can show two workspaces.
/// Only a workspace the person belongs to is ever shown: anything else falls back to their personal workspace.
/// </summary>
public static class WorkspaceChoice
{
    public const string QueryParameter = "workspace";
    public const string CookieName = "midx.workspace";

    /// <summary>The workspace a request asks for: the address first, then the remembered choice.</summary>
    public static Guid? Requested(HttpContext? context)
    {
        if (context is null)
        {
            return null;
        }

        return Guid.TryParse(context.Request.Query[QueryParameter], out var fromAddress) ? fromAddress
            : Guid.TryParse(context.Request.Cookies[CookieName], out var remembered) ? remembered
            : null;
    }

    /// <summary>The one of <paramref name="mine"/> to show (the first, the personal workspace, when none was asked for).</summary>
    public static WorkspaceMembership? Pick(IReadOnlyList<WorkspaceMembership> mine, Guid? requested) =>
        mine.FirstOrDefault(w => w.Id == requested) ?? mine.FirstOrDefault();

    /// <summary>
    /// Where switching to <paramref name="workspaceId"/> from <paramref name="path"/> goes: a list page stays the same page
    /// in the other workspace, a workspace's own page becomes the other's, and a single post or anything else opens the history.
    /// </summary>
    public static string PageInOther(string path, Guid workspaceId) =>
        path.StartsWith("/workspaces/", StringComparison.Ordinal) ? $"/workspaces/{workspaceId}"
        : Components.Layout.NavigationItems.All.Any(i => !i.AdminOnly && i.Href == path) ? path
        : "/history";

    /// <summary><paramref name="path"/> showing <paramref name="workspace"/>: a shared workspace is named in the address, the personal one is not.</summary>
    public static string Link(string path, WorkspaceMembership? workspace) =>
        workspace is null || workspace.IsPersonal ? path : QueryHelpers.AddQueryString(path, QueryParameter, workspace.Id.ToString());
}
