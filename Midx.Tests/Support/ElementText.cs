using AngleSharp.Dom;

namespace Midx.Tests.Support;

/// <summary>What a person reads in an element: its text with runs of white space (markup indentation) as single spaces.</summary>
public static class ElementText
{
    public static string Text(IElement? element) =>
        string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
