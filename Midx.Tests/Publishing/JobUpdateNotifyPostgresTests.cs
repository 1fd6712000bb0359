using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// Live status across instances on a real PostgreSQL server: what one instance publishes reaches the owner's circuits
/// on another, through NOTIFY and each instance's listener, exactly once.
/// </summary>
public sealed class JobUpdateNotifyPostgresTests(TwoInstancesOnPostgres instances) : IClassFixture<TwoInstancesOnPostgres>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ApplyJobChange_OnInstanceB_ReachesOwnerOnBothInstancesExactlyOnceAndNoStranger()
    {
        var jobId = await instances.SeedJobAsync(JobState.Queued);
        await using var ownerOnA = await CircuitListener.StartAsync(instances.A.Services, instances.OwnerId);
        await using var ownerOnB = await CircuitListener.StartAsync(instances.B.Services, instances.OwnerId);
        await using var strangerOnA = await CircuitListener.StartAsync(instances.A.Services, instances.StrangerId);

        await TwoInstancesOnPostgres.ApplyAsync(instances.B, jobId, new JobChange(JobState.Cancelled) { Message = "Cancelled on instance B." });
        var ownerBarrier = await instances.NotifyAsAnotherInstanceAsync(instances.OwnerId);
        var strangerBarrier = await instances.NotifyAsAnotherInstanceAsync(instances.StrangerId);

        Assert.Equal([jobId, ownerBarrier], await JobIdsUntilAsync(ownerOnA, ownerBarrier));
        Assert.Equal([jobId, ownerBarrier], await JobIdsUntilAsync(ownerOnB, ownerBarrier));
        Assert.Equal([strangerBarrier], await JobIdsUntilAsync(strangerOnA, strangerBarrier));
    }

    [Fact]
    public async Task ApplyJobChange_MessageTooLongForNotify_ReachesOtherInstanceWithStateIdsAndShortenedMessage()
    {
        var jobId = await instances.SeedJobAsync(JobState.Queued);
        await using var ownerOnA = await CircuitListener.StartAsync(instances.A.Services, instances.OwnerId);
        var message = "TikTok said: " + new string('m', 20_000);

        await TwoInstancesOnPostgres.ApplyAsync(instances.B, jobId, new JobChange(JobState.Failed)
        {
            Message = message,
            ErrorCode = ErrorCatalog.InternalError,
            LogId = "202611220900001234ABCD",
        });

        var update = await ownerOnA.NextUpdateAsync(Within);
        Assert.NotNull(update);
        Assert.Equal(jobId, update.JobId);
        Assert.Equal(instances.OwnerId, update.WorkspaceId);
        Assert.Equal(JobState.Failed, update.State);
        Assert.True(update.IsTerminal);
        Assert.Equal("internal_error", update.ErrorCode);
        Assert.Equal("202611220900001234ABCD", update.LogId);
        var shortened = update.Message!;
        Assert.EndsWith(JobUpdateNotification.Ellipsis, shortened);
        Assert.StartsWith(shortened[..^JobUpdateNotification.Ellipsis.Length], message, StringComparison.Ordinal);
        Assert.InRange(shortened.Length, 1000, JobUpdateNotification.MaxPayloadBytes);
    }

    [Fact]
    public async Task Listener_ConnectionKilled_ReconnectsAndDeliversAgain()
    {
        var listener = instances.A.Services.GetRequiredService<PostgresJobUpdateListener>();
        var before = listener.BackendProcessId ?? await TwoInstancesOnPostgres.WaitUntilListeningAsync(instances.A);

        Assert.True(await instances.TerminateBackendAsync(before));
        var after = await TwoInstancesOnPostgres.WaitUntilListeningAsync(instances.A, notOn: before);

        Assert.NotEqual(before, after);
        Assert.Contains(instances.A.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("Not listening for job updates from other instances", StringComparison.Ordinal));
        var jobId = await instances.SeedJobAsync(JobState.Queued);
        await using var ownerOnA = await CircuitListener.StartAsync(instances.A.Services, instances.OwnerId);
        await TwoInstancesOnPostgres.ApplyAsync(instances.B, jobId, new JobChange(JobState.Initializing));
        Assert.Equal(jobId, (await ownerOnA.NextUpdateAsync(Within))?.JobId);
        using var ready = JsonDocument.Parse(await instances.OwnerOnA.GetStringAsync("/readyz"));
        var check = ready.RootElement.GetProperty("checks").GetProperty("job-updates");
        Assert.Equal("healthy", check.GetProperty("status").GetString());
        Assert.Equal($"Listening (server process {after}).", check.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Listener_InstanceShutsDown_StopsListeningWithoutReconnecting()
    {
        var instance = instances.StartAnotherInstance();
        await TwoInstancesOnPostgres.WaitUntilListeningAsync(instance);
        var listener = instance.Services.GetRequiredService<PostgresJobUpdateListener>();

        await instance.DisposeAsync();

        Assert.Null(listener.BackendProcessId);
        Assert.Contains(instance.Logs.Lines, l => l.Contains("Stopped listening for job updates from other instances", StringComparison.Ordinal));
        Assert.DoesNotContain(instance.Logs.Lines, l => l.Contains("Not listening for job updates from other instances", StringComparison.Ordinal));
    }

    /// <summary>The job ids of the updates <paramref name="circuit"/> is given, up to and including <paramref name="last"/>.</summary>
    private static async Task<List<Guid>> JobIdsUntilAsync(CircuitListener circuit, Guid last)
    {
        var ids = new List<Guid>();
        while (ids.LastOrDefault() != last)
        {
            var update = await circuit.NextUpdateAsync(Within);
            Assert.True(update is not null, $"No update arrived within {Within.TotalSeconds} s after {string.Join(", ", ids)}.");
            ids.Add(update.JobId);
        }

        return ids;
    }
}
