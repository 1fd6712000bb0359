using Midx.Core.TikTok;

namespace Midx.App.Publishing;

/// <summary>How the compose page names things: accounts and lengths of video.</summary>
public static class ComposeText
{
    public static string AccountName(TikTokAccountSummary account) =>
        account.Username is { Length: > 0 } username ? "@" + username : account.DisplayName ?? "TikTok account";

    public static string Seconds(int seconds) => seconds switch
    {
        1 => "1 second",
        < 120 => $"{seconds} seconds",
        _ when seconds % 60 == 0 => $"{seconds / 60} minutes",
        _ => $"{seconds / 60} min {seconds % 60} s",
    };
}
