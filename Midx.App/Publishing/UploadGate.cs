using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Midx.Core.Errors;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Per-user limits on the upload endpoint: at most <see cref="PublishingOptions.MaxConcurrentUploadsPerUser"/> at once
/// and <see cref="PublishingOptions.UploadsPerHour"/> started per hour. Each upload holds a pass until it ends.
/// </summary>
public sealed class UploadGate : IDisposable
{
    private readonly PublishingOptions _options;
    private readonly PartitionedRateLimiter<Guid> _concurrent;
    private readonly PartitionedRateLimiter<Guid> _hourly;

    public UploadGate(IOptions<PublishingOptions> options)
    {
        _options = options.Value;
        _concurrent = PartitionedRateLimiter.Create<Guid, Guid>(user => RateLimitPartition.GetConcurrencyLimiter(user,
            _ => new ConcurrencyLimiterOptions { PermitLimit = _options.MaxConcurrentUploadsPerUser, QueueLimit = 0 }));
        _hourly = PartitionedRateLimiter.Create<Guid, Guid>(user => RateLimitPartition.GetFixedWindowLimiter(user,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _options.UploadsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
    }

    /// <summary>A pass to upload (dispose it when the upload ends), or the reason there is none.</summary>
    public (IDisposable? Pass, PublishingError? Refusal, TimeSpan? RetryAfter) TryEnter(Guid userId)
    {
        var concurrent = _concurrent.AttemptAcquire(userId);
        if (!concurrent.IsAcquired)
        {
            concurrent.Dispose();
            return (null, new PublishingError(ErrorCatalog.TooManyUploadsAtOnce,
                $"You already have {_options.MaxConcurrentUploadsPerUser} uploads in progress. {ErrorCatalog.TooManyUploadsAtOnce.ToDo}"), null);
        }

        var hourly = _hourly.AttemptAcquire(userId);
        if (!hourly.IsAcquired)
        {
            var retryAfter = hourly.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
            hourly.Dispose();
            concurrent.Dispose();
            return (null, new PublishingError(ErrorCatalog.UploadRateLimited,
                $"You have started {_options.UploadsPerHour} uploads within an hour, the most Midx allows. {ErrorCatalog.UploadRateLimited.ToDo}"), retryAfter);
        }

        hourly.Dispose();
        return (concurrent, null, null);
    }

    public void Dispose()
    {
        _concurrent.Dispose();
        _hourly.Dispose();
    }
}
