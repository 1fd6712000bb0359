using Midx.Core.Workspaces;
using MudBlazor;

namespace Midx.App.Components.Layout;

/// <summary>The signed-in person's destinations, in menu order: the drawer and the plain-HTTP pages' menu both list these.</summary>
public static class NavigationItems
{
    /// <summary><paramref name="ReviewOnly"/>: shown where posts need approval, to those who approve them.</summary>
    public sealed record Item(string Href, string Text, string Icon, bool AdminOnly = false, bool ReviewOnly = false);

    public const string ReviewHref = "/review";

    public static IReadOnlyList<Item> All { get; } =
    [
        new("/compose", "Compose", Icons.Material.Outlined.VideoCall),
        new("/history", "History", Icons.Material.Outlined.History),
        new(ReviewHref, "Review", Icons.Material.Outlined.FactCheck, ReviewOnly: true),
        new("/accounts", "Accounts", Icons.Material.Outlined.ManageAccounts),
        new("/settings", "Settings", Icons.Material.Outlined.Settings),
        new("/admin", "Admin", Icons.Material.Outlined.AdminPanelSettings, AdminOnly: true),
    ];

    public static IEnumerable<Item> For(bool isAdmin, WorkspaceMembership? workspace) => All.Where(item =>
        (isAdmin || !item.AdminOnly) && (!item.ReviewOnly || workspace is { RequiresReview: true } && workspace.Can(WorkspacePermission.Approve)));
}
