namespace Midx.App.Components;

/// <summary>
/// A page that still uses Bootstrap's classes (the compose page and the admin console's lists, until they are rebuilt
/// as MudBlazor components). It is rendered as plain HTTP, and only it loads Bootstrap's stylesheet.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BootstrapPageAttribute : Attribute
{
    /// <summary>Whether the page being rendered for this request is one of them (never true on the circuit).</summary>
    public static bool AppliesTo(HttpContext? context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<BootstrapPageAttribute>() is not null;
}
