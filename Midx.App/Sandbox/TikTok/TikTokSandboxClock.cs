namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The sandbox TikTok's own clock: the app's time plus an offset that tests move forward to expire codes, tokens
/// and upload URLs and to let processing and moderation timers elapse. Nothing in the sandbox uses real timers;
/// every state is computed from this clock when it is read. Thread-safe: the offset is read and moved atomically.
/// </summary>
public sealed class TikTokSandboxClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
