namespace Midx.Core.TikTok;

/// <summary>The <c>AuditEvent.Action</c> names for TikTok accounts. Stable strings: the console filters on them.</summary>
public static class TikTokAuditActions
{
    public const string Linked = "tiktok.linked";
    public const string Relinked = "tiktok.relinked";
    public const string LinkRefused = "tiktok.link-refused";
    public const string Disconnected = "tiktok.disconnected";
    public const string NeedsReconnect = "tiktok.needs-reconnect";
}
