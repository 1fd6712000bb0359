namespace Midx.Core.Publishing;

/// <summary>
/// The checks on a compose submission that need no database or file, the ones TikTok's Content Sharing Guidelines
/// and limits ask for before anything is sent (https://developers.tiktok.com/doc/content-sharing-guidelines), each
/// failing with the words the creator sees.
/// </summary>
public static class PublishRequestRules
{
    /// <summary>TikTok counts the caption in UTF-16 code units, which is what <see cref="string.Length"/> counts.</summary>
    public const int MaxCaptionLength = 2200;

    public const int MaxSubmissionKeyLength = 64;

    public static PublishingError? Check(PublishRequest request, CreatorSnapshot creator, IReadOnlyList<string> pullFromUrlPrefixes, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(request.SubmissionKey) || request.SubmissionKey.Length > MaxSubmissionKeyLength)
        {
            return new("submission_key", "The form was incomplete. Reload the page and try again.");
        }

        if (!request.ConsentGiven)
        {
            return new("consent_missing", "Nothing was sent: Midx posts only after you press Publish under the declaration.");
        }

        if (request.Caption.Length > MaxCaptionLength)
        {
            return new("caption_too_long",
                $"The caption is {request.Caption.Length:N0} characters long; TikTok allows at most {MaxCaptionLength:N0}. Shorten it and try again.");
        }

        if (request.Mode == PublishMode.Direct)
        {
            if (string.IsNullOrEmpty(request.PrivacyLevel))
            {
                return new("privacy_missing", "Choose who can see this post.");
            }

            if (!creator.PrivacyLevelOptions.Contains(request.PrivacyLevel))
            {
                return new("privacy_not_offered",
                    $"This TikTok account does not offer \"{SharingGuidelineTexts.PrivacyName(request.PrivacyLevel)}\" right now. Choose one of the options shown.");
            }

            if (request.DisclosureOn && !request.YourBrand && !request.BrandedContent)
            {
                return new("disclosure_incomplete", SharingGuidelineTexts.DisclosureIncomplete);
            }

            if (request.DisclosureOn && request.BrandedContent && request.PrivacyLevel == SharingGuidelineTexts.SelfOnly)
            {
                return new("branded_private", SharingGuidelineTexts.BrandedNotPrivate);
            }
        }

        if (request.Source == VideoSource.Url && CheckUrl(request.SourceUrl, pullFromUrlPrefixes) is { } urlError)
        {
            return urlError;
        }

        if (request.Source == VideoSource.File && request.UploadId is null)
        {
            return new("video_missing", "Choose a video to post.");
        }

        if (request.CoverTimestampMs is < 0)
        {
            return new("cover_out_of_range", "The cover frame must be a moment inside the video.");
        }

        if (request.ScheduledAtUtc is { } at && at < nowUtc.AddMinutes(-1))
        {
            return new("schedule_in_past", "The time you chose has already passed. Choose a later time, or post now.");
        }

        return null;
    }

    /// <summary>
    /// PULL_FROM_URL: https only, under a prefix verified with TikTok
    /// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide), else a message saying what to do.
    /// </summary>
    public static PublishingError? CheckUrl(string? url, IReadOnlyList<string> prefixes)
    {
        if (prefixes.Count == 0)
        {
            return new("url_not_available", "Posting from a link is not set up on this Midx. Upload the video file instead.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return new("url_not_https", "The video link must be a full https:// address.");
        }

        if (!prefixes.Any(p => uri.AbsoluteUri.StartsWith(p, StringComparison.Ordinal)))
        {
            return new("url_not_verified",
                "TikTok only downloads videos from addresses verified for Midx: " + string.Join(", ", prefixes)
                + ". Put the video under one of them, or upload the file instead.");
        }

        return null;
    }

    /// <summary>A cover moment must lie inside the video.</summary>
    public static PublishingError? CheckCover(int? coverTimestampMs, int durationMs) =>
        coverTimestampMs is { } ms && (ms < 0 || ms > durationMs)
            ? new PublishingError("cover_out_of_range", "The cover frame must be a moment inside the video.")
            : null;
}
