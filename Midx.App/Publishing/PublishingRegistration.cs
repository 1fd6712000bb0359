using Midx.Core.Publishing;

namespace Midx.App.Publishing;

public static class PublishingRegistration
{
    public static WebApplicationBuilder AddPublishing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublishingOptions>()
            .BindConfiguration(PublishingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.PullFromUrlPrefixes.All(p => Uri.TryCreate(p, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && p.EndsWith('/')),
                "Midx:Publishing:PullFromUrlPrefixes must hold absolute https URL prefixes ending in '/', as verified in the TikTok developer portal.")
            .ValidateOnStart();

        builder.Services.AddSingleton<MediaStore>();
        builder.Services.AddSingleton<JobUpdateBus>();
        builder.Services.AddScoped<ApplyJobChangeCommand>();
        builder.Services.AddScoped<SubmitPublishJobCommand>();
        builder.Services.AddScoped<RetryPublishJobCommand>();
        builder.Services.AddScoped<CancelPublishJobCommand>();
        builder.Services.AddScoped<ReleaseJobMediaCommand>();
        builder.Services.AddSingleton<UploadGate>();
        builder.Services.AddSingleton<MediaPreviewLinks>();
        builder.Services.AddHostedService<PublishHubForwarder>();
        builder.Services.AddSingleton<MediaSweepWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MediaSweepWorker>());
        return builder;
    }

    public static WebApplication MapPublishing(this WebApplication app)
    {
        app.MapUploadEndpoints();
        return app;
    }
}
