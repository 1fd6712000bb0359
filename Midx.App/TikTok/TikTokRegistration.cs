using Microsoft.Extensions.Options;
using Midx.App.Sandbox;
using Midx.App.Sandbox.TikTok;
using Midx.Core.Privacy;
using Midx.Core.TikTok;

namespace Midx.App.TikTok;

public static class TikTokRegistration
{
    /// <summary>
    /// The TikTok client, token vault and refresher: Midx.Core's services (<see cref="Core.TikTok.TikTokRegistration"/>)
    /// with their configuration and base URLs, and the refresher that runs them. Real TikTok is used whenever
    /// <c>TikTok:ClientKey</c> is set (environment or user-secrets). In sandbox mode without one, the same client is
    /// pointed at this app's own sandbox TikTok (<see cref="SandboxRegistration.TikTokPath"/>) with the sandbox's
    /// credentials: configuration, not a code path — nothing downstream can tell the difference.
    /// </summary>
    public static WebApplicationBuilder AddTikTok(this WebApplicationBuilder builder)
    {
        var useSandbox = builder.Configuration.IsSandbox()
            && string.IsNullOrWhiteSpace(builder.Configuration[$"{TikTokOptions.Section}:{nameof(TikTokOptions.ClientKey)}"]);

        builder.Services.AddOptions<TikTokOptions>()
            .BindConfiguration(TikTokOptions.Section)
            .PostConfigure(o =>
            {
                // The sandbox's own app: its key, and its secret (configurable there too, with a well-known default).
                if (useSandbox)
                {
                    o.ClientKey = TikTokFixtures.ClientKey;
                    o.ClientSecret = string.IsNullOrWhiteSpace(o.ClientSecret) ? TikTokFixtures.DefaultClientSecret : o.ClientSecret;
                }
            })
            .PostConfigure<SecretRedactor>((o, redactor) => redactor.RegisterSecret(o.ClientSecret))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TikTokOptions>, TikTokOptionsValidator>();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(services => useSandbox
            ? SandboxBaseUrls(services)
            : TikTokBaseUrls.FromOptions(services.GetRequiredService<IOptions<TikTokOptions>>().Value));
        builder.Services.AddMidxTikTok();
        builder.Services.AddHostedService<TokenRefresher>();
        return builder;
    }

    /// <summary>
    /// Server-to-server calls go to the address Kestrel bound (<see cref="SandboxOrigin"/>). The browser is sent to
    /// the sandbox's consent page on the origin it is already using when there is a request (behind a proxy or a
    /// port mapping the bound address is not reachable from the browser), else on the bound address.
    /// </summary>
    private static TikTokBaseUrls SandboxBaseUrls(IServiceProvider services)
    {
        var origin = services.GetRequiredService<SandboxOrigin>();
        var http = services.GetRequiredService<IHttpContextAccessor>();
        return new TikTokBaseUrls(
            authorize: () => http.HttpContext?.Request is { } request
                ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{SandboxRegistration.TikTokPath}", UriKind.Absolute)
                : new Uri(origin.Origin, SandboxRegistration.TikTokPath),
            api: () => new Uri(origin.Origin, SandboxRegistration.TikTokPath));
    }
}
