namespace Midx.Tests.Sandbox;

/// <summary>The moment the pure-rule tests of the sandbox TikTok start from.</summary>
internal static class SandboxTime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
}
