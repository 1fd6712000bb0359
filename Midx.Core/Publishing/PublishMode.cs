namespace Midx.Core.Publishing;

public enum PublishMode
{
    /// <summary>Direct Post: published on the creator's profile.</summary>
    Direct,

    /// <summary>Upload as a draft to the creator's TikTok inbox.</summary>
    Inbox,
}
