using MudBlazor;

namespace Midx.App.Components.Layout;

/// <summary>Midx's colours for MudBlazor: ink and TikTok-pink on light, their counterparts on dark.</summary>
public static class MidxTheme
{
    public const string Ink = "#111827";
    public const string Accent = "#fe2c55";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Ink,
            Secondary = Accent,
            AppbarBackground = "#ffffff",
            AppbarText = Ink,
            Background = "#f6f7f9",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = Ink,
            TextSecondary = "#4b5563",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#e5e7eb",
            PrimaryContrastText = Ink,
            Secondary = "#ff5c7c",
            AppbarBackground = "#151a23",
            Background = "#0f131a",
            Surface = "#181d27",
            DrawerBackground = "#151a23",
            TextPrimary = "#e5e7eb",
            TextSecondary = "#a3acb9",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px", DrawerWidthLeft = "232px" },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
            // Buttons say what they do in the person's own words (and @usernames keep their case).
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
    };
}
