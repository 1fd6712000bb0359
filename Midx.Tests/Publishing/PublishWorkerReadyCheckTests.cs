using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>The worker's readiness before its first pass, on the app's clock.</summary>
public sealed class PublishWorkerReadyCheckTests
{
    [Fact]
    public async Task CheckHealth_NoPassYet_IsStartingWithinTheGraceThenUnhealthy()
    {
        var time = TestClock.Create();
        var options = Options.Create(new PublishingOptions());
        using var services = new ServiceCollection().BuildServiceProvider();
        var worker = new PublishWorker(services.GetRequiredService<IServiceScopeFactory>(),
            new JobUpdateBus(NullLogger<JobUpdateBus>.Instance), options, time, NullLogger<PublishWorker>.Instance);
        var check = new PublishWorkerReadyCheck(worker, options, time);

        var starting = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        var stalled = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal((HealthStatus.Healthy, "Starting."), (starting.Status, starting.Description));
        Assert.Equal(HealthStatus.Unhealthy, stalled.Status);
    }
}
