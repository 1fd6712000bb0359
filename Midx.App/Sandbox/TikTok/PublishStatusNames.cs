namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// TikTok's publish status values (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status).
/// </summary>
public static class PublishStatusNames
{
    public const string ProcessingUpload = "PROCESSING_UPLOAD";
    public const string ProcessingDownload = "PROCESSING_DOWNLOAD";
    public const string SendToUserInbox = "SEND_TO_USER_INBOX";
    public const string PublishComplete = "PUBLISH_COMPLETE";
    public const string Failed = "FAILED";
}
