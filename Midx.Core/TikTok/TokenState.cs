namespace Midx.Core.TikTok;

public enum TokenState
{
    Active,
    NeedsReconnect,
}
