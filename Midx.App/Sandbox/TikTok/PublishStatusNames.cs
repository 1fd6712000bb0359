namespace Midx.App.Sandbox.TikTok;

/// <summary>TikTok's publish status values (docs/tiktok-api.md §3.7).</summary>
public static class PublishStatusNames
{
    public const string ProcessingUpload = "PROCESSING_UPLOAD";
    public const string ProcessingDownload = "PROCESSING_DOWNLOAD";
    public const string SendToUserInbox = "SEND_TO_USER_INBOX";
    public const string PublishComplete = "PUBLISH_COMPLETE";
    public const string Failed = "FAILED";
}
