using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Midx.App.Publishing;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class JobUpdateBusTests
{
    [Fact]
    public async Task PublishAsync_NotifyFails_DeliversHereLogsAndDoesNotThrow()
    {
        var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        // Nothing listens on port 1 of loopback: the connection is refused at once.
        var unreachable = new PostgresJobUpdateNotifier(Options.Create(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Port=1;Username=midx;Timeout=5",
        }));
        var bus = new JobUpdateBus(loggers.CreateLogger<JobUpdateBus>(), unreachable);
        var delivered = new List<JobUpdate>();
        using var subscription = bus.Subscribe(Into(delivered));
        var update = Update();

        await bus.PublishAsync(update, CancellationToken.None);

        Assert.Equal([update], delivered);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains($"The update of job {update.JobId} could not be sent to the other instances", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliverLocallyAsync_FailingSubscriber_OthersStillReceiveIt()
    {
        var bus = new JobUpdateBus(NullLogger<JobUpdateBus>.Instance);
        var delivered = new List<JobUpdate>();
        using var failing = bus.Subscribe((_, _) => throw new InvalidOperationException("hub gone"));
        using var working = bus.Subscribe(Into(delivered));
        var update = Update();

        await bus.DeliverLocallyAsync(update, CancellationToken.None);

        Assert.Equal([update], delivered);
    }

    [Fact]
    public void App_SqliteProvider_KeepsTheBusInProcessWithoutListener()
    {
        using var app = new MidxAppFactory();

        Assert.Empty(app.Services.GetServices<IHostedService>().OfType<PostgresJobUpdateListener>());
        Assert.Null(app.Services.GetService<PostgresJobUpdateNotifier>());
        Assert.NotNull(app.Services.GetRequiredService<JobUpdateBus>());
    }

    private static Func<JobUpdate, CancellationToken, Task> Into(List<JobUpdate> delivered) => (update, _) =>
    {
        delivered.Add(update);
        return Task.CompletedTask;
    };

    private static JobUpdate Update() => new(
        Guid.NewGuid(), Guid.NewGuid(), JobState.Queued, "Waiting to start", false, null, 0, 1000, "Queued.", null, null, null,
        new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc));
}
