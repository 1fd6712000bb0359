using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.App.Publishing;

/// <summary>How the publishing pages name things: linked accounts and lengths of video.</summary>
public static class ComposeText
{
    /// <summary>"@username", else the display name (<see cref="PostAccountName"/>, as posts name their account).</summary>
    public static string AccountName(TikTokAccountSummary account) => PostAccountName.Describe(account.Username, account.DisplayName, disconnected: false);

    public static string Seconds(int seconds) => seconds switch
    {
        1 => "1 second",
        < 120 => $"{seconds} seconds",
        _ when seconds % 60 == 0 => $"{seconds / 60} minutes",
        _ => $"{seconds / 60} min {seconds % 60} s",
    };
}
