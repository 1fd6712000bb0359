namespace Midx.App.Publishing;

/// <summary>
/// Which field of the compose page a submission problem belongs to, so the message appears beside what has to change.
/// </summary>
public static class ComposeFields
{
    public const string General = "general";
    public const string Account = "account";
    public const string Video = "video";
    public const string Url = "url";
    public const string Caption = "caption";
    public const string Privacy = "privacy";
    public const string Disclosure = "disclosure";
    public const string Cover = "cover";
    public const string Schedule = "schedule";

    public static string For(string code) => code switch
    {
        "caption_too_long" => Caption,
        "privacy_missing" or "privacy_not_offered" or "branded_private" => Privacy,
        "disclosure_incomplete" => Disclosure,
        "url_not_available" or "url_not_https" or "url_not_verified" => Url,
        "cover_out_of_range" or "cover_invalid" => Cover,
        "schedule_in_past" or "schedule_too_far" or "schedule_invalid" or "schedule_missing" => Schedule,
        "account_not_found" or "account_needs_reconnect" => Account,
        "video_missing" or "empty_file" or "file_too_large" or "not_a_video" or "unsupported_container" or "truncated"
            or "damaged" or "no_video_track" or "duration_unknown" or "too_short" or "too_long" => Video,
        _ => General,
    };
}
