using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Midx.App.Admin;

/// <summary>An SVG &lt;text&gt; element; Razor markup reserves the &lt;text&gt; tag for itself.</summary>
public sealed class SvgLabel : ComponentBase
{
    [Parameter, EditorRequired] public string X { get; set; } = "0";
    [Parameter, EditorRequired] public string Y { get; set; } = "0";
    [Parameter] public string? Anchor { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X);
        builder.AddAttribute(2, "y", Y);
        if (Anchor is not null)
        {
            builder.AddAttribute(3, "text-anchor", Anchor);
        }

        if (Class is not null)
        {
            builder.AddAttribute(4, "class", Class);
        }

        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}
