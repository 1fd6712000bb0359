using Microsoft.Extensions.DependencyInjection;
using Midx.App.Components.Shared;

namespace Midx.Tests.Components;

public sealed class FreshScopeTests
{
    [Fact]
    public async Task RunAsync_TwoOperations_EachGetsAServiceOfItsOwnDisposedWhenItEnds()
    {
        await using var services = new ServiceCollection().AddScoped<ScopedProbe>().AddSingleton<FreshScope>().BuildServiceProvider();
        var scope = services.GetRequiredService<FreshScope>();

        var first = await scope.RunAsync((ScopedProbe probe) => Task.FromResult((probe, probe.Disposed)));
        var second = await scope.RunAsync((ScopedProbe probe) => Task.FromResult((probe, probe.Disposed)));

        Assert.NotSame(first.probe, second.probe);
        Assert.False(first.Disposed);
        Assert.False(second.Disposed);
        Assert.True(first.probe.Disposed);
        Assert.True(second.probe.Disposed);
    }

    [Fact]
    public async Task RunAsync_OperationThrows_StillDisposesItsService()
    {
        await using var services = new ServiceCollection().AddScoped<ScopedProbe>().AddSingleton<FreshScope>().BuildServiceProvider();
        ScopedProbe? used = null;

        await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<FreshScope>().RunAsync<ScopedProbe, int>(probe =>
        {
            used = probe;
            throw new InvalidOperationException("The query failed.");
        }));

        Assert.True(used?.Disposed);
    }

    [Fact]
    public async Task RunAsync_AwaitedOperation_ServiceStaysUndisposedUntilTheOperationCompletes()
    {
        await using var services = new ServiceCollection().AddScoped<ScopedProbe>().AddSingleton<FreshScope>().BuildServiceProvider();
        var release = new TaskCompletionSource();
        ScopedProbe? used = null;

        var running = services.GetRequiredService<FreshScope>().RunAsync(async (ScopedProbe probe) =>
        {
            used = probe;
            await release.Task;
            return probe.Disposed;
        });
        Assert.False(used?.Disposed);
        release.SetResult();

        Assert.False(await running);
        Assert.True(used?.Disposed);
    }

    private sealed class ScopedProbe : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
