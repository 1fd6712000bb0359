namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Faults a test arms for the next calls of one endpoint: skip the first <c>Skip</c> calls, then fault <c>Count</c>
/// calls with a 5xx (or any status), a dropped connection, or a delay. Thread-safe: all state is guarded by one lock.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Armed> _armed = new(StringComparer.Ordinal);

    public void Arm(FaultPlan plan)
    {
        lock (_gate)
        {
            _armed[plan.Endpoint] = new Armed(plan, plan.Skip, plan.Count);
        }
    }

    /// <summary>The fault for this call of <paramref name="endpoint"/>, if one is armed and due.</summary>
    public FaultPlan? Next(string endpoint)
    {
        lock (_gate)
        {
            if (!_armed.TryGetValue(endpoint, out var armed))
            {
                return null;
            }

            if (armed.SkipLeft > 0)
            {
                armed.SkipLeft--;
                return null;
            }

            armed.CountLeft--;
            if (armed.CountLeft <= 0)
            {
                _armed.Remove(endpoint);
            }

            return armed.Plan;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _armed.Clear();
        }
    }

    private sealed class Armed(FaultPlan plan, int skip, int count)
    {
        public FaultPlan Plan { get; } = plan;

        public int SkipLeft { get; set; } = skip;

        public int CountLeft { get; set; } = count;
    }
}

/// <summary>A fault to inject; see <see cref="FaultInjector"/>. <c>ErrorCode</c> is used in the JSON envelope of API endpoints.</summary>
public sealed record FaultPlan(string Endpoint, FaultMode Mode = FaultMode.Status, int Status = 500, string ErrorCode = "internal_error", int Skip = 0, int Count = 1, int DelayMs = 0);

public enum FaultMode
{
    /// <summary>Answer with <see cref="FaultPlan.Status"/> without touching any state.</summary>
    Status,

    /// <summary>Drop the connection without an answer.</summary>
    Abort,

    /// <summary>Wait <see cref="FaultPlan.DelayMs"/>, then handle the call normally.</summary>
    Delay,
}
