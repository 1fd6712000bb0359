using System.Net;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Avatars and video covers, served by the sandbox itself so Midx's CSP (<c>img-src 'self'</c>) allows them.
/// </summary>
public static class AssetEndpoints
{
    public static RouteGroupBuilder MapTikTokAssetEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/avatars/{key}.svg", (string key) => TikTokFixtures.FindByKey(key) is { } creator
            ? Svg(Avatar(creator))
            : Results.NotFound());
        group.MapGet("/covers/{id}.svg", (string id) => Svg(Cover(id)));
        return group;
    }

    private static IResult Svg(string svg) => Results.Text(svg, "image/svg+xml; charset=utf-8");

    private static string Avatar(SandboxCreator creator) =>
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" viewBox=\"0 0 100 100\">"
        + $"<circle cx=\"50\" cy=\"50\" r=\"50\" fill=\"{creator.AvatarColor}\"/>"
        + "<text x=\"50\" y=\"50\" dy=\"0.35em\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"40\" fill=\"#fff\">"
        + $"{WebUtility.HtmlEncode(creator.Initials)}</text></svg>";

    private static string Cover(string id) =>
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"540\" height=\"960\" viewBox=\"0 0 540 960\">"
        + "<rect width=\"540\" height=\"960\" fill=\"#212529\"/>"
        + "<text x=\"270\" y=\"480\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"28\" fill=\"#f8f9fa\">"
        + $"Sandbox video {WebUtility.HtmlEncode(id)}</text></svg>";
}
