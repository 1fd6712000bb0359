using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Privacy;
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

        builder.AddJobUpdateBusAcrossInstances();
        builder.Services.AddMidxPublishing();
        builder.Services.AddSingleton<UploadGate>();
        builder.Services.AddSingleton<VideoReceiver>();
        builder.Services.AddSingleton<MediaPreviewLinks>();
        builder.Services.AddScoped<ComposeCreatorQuery>();
        builder.Services.AddScoped<TikTokVideosQuery>();
        builder.Services.AddSingleton<LiveJobAudience>();
        builder.Services.AddScoped<LiveJobFeed>();
        builder.Services.AddHostedService<LiveJobForwarder>();
        builder.Services.AddOptions<RetentionOptions>()
            .Validate<IOptions<PublishingOptions>>((retention, publishing) => TimeSpan.FromMinutes(retention.AbandonedUploadMinutes) > publishing.Value.UploadIdleTimeout,
                "Midx:Retention:AbandonedUploadMinutes must be longer than Midx:Publishing:UploadIdleTimeout, or the media sweep could delete the file of an upload still in progress.");
        builder.Services.AddSingleton<MediaSweepWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MediaSweepWorker>());

        builder.Services.AddOptions<PublishingOptions>()
            .Validate(o => o.FirstStatusPollDelay <= o.MaxStatusPollInterval,
                "Midx:Publishing:FirstStatusPollDelay must not be longer than Midx:Publishing:MaxStatusPollInterval.");
        builder.Services.AddSingleton<PublishWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PublishWorker>());
        builder.Services.AddHealthChecks().AddCheck<PublishWorkerReadyCheck>("publish-worker", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The bus behind live status. SQLite means one process, so Core's in-process fan-out is all. PostgreSQL may mean
    /// several instances: the bus also NOTIFYs, and a listener on every instance brings the others' updates to its circuits.
    /// Registered before <see cref="Core.Publishing.PublishingRegistration.AddMidxPublishing"/>, which then keeps it.
    /// </summary>
    private static void AddJobUpdateBusAcrossInstances(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        builder.Services.AddSingleton<PostgresJobUpdateNotifier>();
        builder.Services.AddSingleton(services => new JobUpdateBus(
            services.GetRequiredService<ILogger<JobUpdateBus>>(), services.GetRequiredService<PostgresJobUpdateNotifier>()));
        builder.Services.AddSingleton<PostgresJobUpdateListener>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PostgresJobUpdateListener>());
        builder.Services.AddHealthChecks().AddCheck<JobUpdateListenerReadyCheck>("job-updates", tags: ["ready"]);
    }

    public static WebApplication MapPublishing(this WebApplication app)
    {
        app.MapUploadEndpoints();
        app.MapJobEndpoints();
        return app;
    }
}
