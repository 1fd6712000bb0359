using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Midx.Core.Publishing;

/// <summary>
/// Midx.Core's publishing pipeline (commands, worker steps, media store, update bus), for the app and the tests alike.
/// <see cref="PublishingOptions"/> come from the host, and so do the hosted workers that drive the steps.
/// </summary>
public static class PublishingRegistration
{
    /// <summary>
    /// The update bus here fans out in-process, which is all one process needs. A host that runs several instances
    /// registers its own <see cref="JobUpdateBus"/> (with a <see cref="PostgresJobUpdateNotifier"/>) before calling this.
    /// </summary>
    public static IServiceCollection AddMidxPublishing(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new JobUpdateBus(sp.GetRequiredService<ILogger<JobUpdateBus>>()));
        services.AddSingleton<MediaStore>();
        services.AddScoped<ApplyJobChangeCommand>();
        services.AddScoped<SubmitPublishJobCommand>();
        services.AddScoped<RetryPublishJobCommand>();
        services.AddScoped<CancelPublishJobCommand>();
        services.AddScoped<EditPublishJobCommand>();
        services.AddScoped<ApprovePublishJobCommand>();
        services.AddScoped<SendBackPublishJobCommand>();
        services.AddScoped<ReviewQueueQuery>();
        services.AddScoped<PostVideoQuery>();
        services.AddScoped<PostToEditQuery>();
        services.AddScoped<ReleaseJobMediaCommand>();
        services.AddScoped<StatusPollRateLimiter>();
        services.AddSingleton<JobTokens>();
        services.AddScoped<ClaimDueJobsCommand>();
        services.AddScoped<HoldBlockedJobsCommand>();
        services.AddScoped<PublishQueueDepthQuery>();
        services.AddScoped<PostingLimitWarningsQuery>();
        services.AddScoped<PostDetailQuery>();
        services.AddScoped<PostHistoryQuery>();
        services.AddScoped<JobLease>();
        services.AddSingleton<JobLeaseKeeper>();
        services.AddScoped<InitJobStep>();
        services.AddScoped<UploadJobStep>();
        services.AddScoped<PollJobStep>();
        services.AddScoped<PublishJobRunner>();
        return services;
    }
}
