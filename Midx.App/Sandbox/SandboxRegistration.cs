using Microsoft.Extensions.Options;
using Midx.App.Sandbox.Google;
using Midx.App.Sandbox.TikTok;
using Midx.Core;

namespace Midx.App.Sandbox;

/// <summary>
/// Sandbox mode mounts stand-in Google and TikTok servers inside this process under <see cref="GooglePath"/> and
/// <see cref="TikTokPath"/>. It is a configuration switch, not a code fork: Midx's OAuth handlers and TikTok
/// client talk real HTTP to these paths exactly as they would to Google and TikTok.
/// </summary>
public static class SandboxRegistration
{
    public const string GooglePath = "/sandbox/google";
    public const string TikTokPath = "/sandbox/tiktok";

    public static bool IsSandbox(this IConfiguration configuration) =>
        configuration.GetValue<bool>($"{MidxOptions.Section}:{nameof(MidxOptions.Sandbox)}");

    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SandboxOrigin>();
        builder.AddSandboxGoogle();
        builder.Services.AddSandboxTikTok();
        return builder;
    }

    /// <summary>
    /// Keeps Midx's HTML pages off the sandbox TikTok's API paths (see <see cref="TikTokUnmatchedRouteMiddleware"/>). Goes after
    /// the status-code pages and before authorization and antiforgery, which would otherwise answer for Midx's routes.
    /// </summary>
    public static WebApplication UseSandbox(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<MidxOptions>>().Value.Sandbox)
        {
            app.UseMiddleware<TikTokUnmatchedRouteMiddleware>();
        }

        return app;
    }

    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<MidxOptions>>().Value.Sandbox)
        {
            return app;
        }

        var sandbox = app.MapGroup("/sandbox").ExcludeFromDescription();
        sandbox.MapGet("/", () => Results.Redirect("/"));
        app.MapSandboxGoogle();
        app.MapSandboxTikTok();
        return app;
    }
}
