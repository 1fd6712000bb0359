using Microsoft.Extensions.Options;
using Midx.Core;
using Midx.Core.Privacy;

namespace Midx.App.Sandbox.TikTok;

/// <summary>Wires the sandbox TikTok: its state singleton and its endpoints under <see cref="SandboxRegistration.TikTokPath"/>.</summary>
public static class TikTokSandboxRegistration
{
    public static IServiceCollection AddSandboxTikTok(this IServiceCollection services)
    {
        services.AddOptions<SandboxTikTokOptions>().BindConfiguration(SandboxTikTokOptions.Section);
        return services.AddSingleton(sp =>
        {
            // The secret may come from configuration; the well-known default exists only because this is the sandbox.
            var secret = sp.GetRequiredService<IConfiguration>()[TikTokFixtures.ClientSecretKey];
            secret = string.IsNullOrEmpty(secret) ? TikTokFixtures.DefaultClientSecret : secret;
            sp.GetRequiredService<SecretRedactor>().RegisterSecret(secret);
            return new TikTokSandbox(sp.GetRequiredService<TimeProvider>(), secret, StateFile(sp));
        });
    }

    public static IEndpointRouteBuilder MapSandboxTikTok(this IEndpointRouteBuilder endpoints)
    {
        var tiktok = endpoints.MapGroup(SandboxRegistration.TikTokPath).ExcludeFromDescription();
        tiktok.AddEndpointFilter(SameOriginWrites.InvokeAsync);
        tiktok.AddEndpointFilter(TikTokEndpointFilter.InvokeAsync);
        tiktok.MapTikTokOAuthEndpoints()
            .MapTikTokUserInfoEndpoints()
            .MapTikTokPublishEndpoints()
            .MapTikTokDisplayEndpoints()
            .MapTikTokAssetEndpoints();

        // The controls can reset, arm faults and read the journal: tests run in Development, and a sandbox allowed in
        // Production (a demo anyone can reach) must not hand those to its visitors.
        if (endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            tiktok.MapTikTokTestControlEndpoints();
        }

        var upload = endpoints.MapGroup(SandboxUrls.UploadBasePath).ExcludeFromDescription();
        upload.AddEndpointFilter(SameOriginWrites.InvokeAsync);
        upload.AddEndpointFilter(TikTokEndpointFilter.InvokeAsync);
        upload.MapTikTokUploadEndpoints();
        return endpoints;
    }

    private static SandboxStateFile? StateFile(IServiceProvider services)
    {
        var path = services.GetRequiredService<IOptions<SandboxTikTokOptions>>().Value.StatePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var dataFolder = Path.GetFullPath(services.GetRequiredService<IOptions<MidxOptions>>().Value.DataFolder,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        return new SandboxStateFile(Path.GetFullPath(path, dataFolder));
    }
}
