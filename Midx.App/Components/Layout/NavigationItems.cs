using MudBlazor;

namespace Midx.App.Components.Layout;

/// <summary>The signed-in person's destinations, in menu order: the drawer and the plain-HTTP pages' menu both list these.</summary>
public static class NavigationItems
{
    public sealed record Item(string Href, string Text, string Icon, bool AdminOnly = false);

    public static IReadOnlyList<Item> All { get; } =
    [
        new("/compose", "Compose", Icons.Material.Outlined.VideoCall),
        new("/history", "History", Icons.Material.Outlined.History),
        new("/accounts", "Accounts", Icons.Material.Outlined.ManageAccounts),
        new("/settings", "Settings", Icons.Material.Outlined.Settings),
        new("/admin", "Admin", Icons.Material.Outlined.AdminPanelSettings, AdminOnly: true),
    ];

    public static IEnumerable<Item> For(bool isAdmin) => All.Where(item => isAdmin || !item.AdminOnly);
}
