namespace Midx.App.Sandbox.TikTok;

/// <summary>Settings under <c>Midx:SandboxTikTok</c>: where the sandbox TikTok keeps what outlives a restart.</summary>
public sealed class SandboxTikTokOptions
{
    public const string Section = "Midx:SandboxTikTok";

    /// <summary>
    /// The <see cref="SandboxStateFile"/> (SQLite) for tokens, codes, publishes and uploads, relative to
    /// <c>Midx:DataFolder</c>. Empty keeps them in memory only, so each process starts with a fresh sandbox.
    /// </summary>
    public string StatePath { get; set; } = "";
}
