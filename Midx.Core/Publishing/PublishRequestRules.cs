using Midx.Core.Errors;

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

    /// <summary>The consent text an API caller's user agreed to, kept with the post's consent record.</summary>
    public const int MaxConsentTextLength = 2000;

    public static PublishingError? Check(PublishRequest request, CreatorSnapshot creator, IReadOnlyList<string> pullFromUrlPrefixes, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(request.SubmissionKey) || request.SubmissionKey.Length > MaxSubmissionKeyLength)
        {
            return new(ErrorCatalog.SubmissionKey);
        }

        if (CheckChoices(request, creator, nowUtc) is { } choices)
        {
            return choices;
        }

        if (request.Source == VideoSource.Url && CheckUrl(request.SourceUrl, pullFromUrlPrefixes) is { } urlError)
        {
            return urlError;
        }

        if (request.Source == VideoSource.File && request.UploadId is null)
        {
            return new(ErrorCatalog.VideoMissing, ErrorCatalog.VideoMissing.ToDo);
        }

        return null;
    }

    /// <summary>
    /// A post sent through the API carries the words its caller's user agreed to: TikTok asks for the user's express
    /// consent before anything is posted, whichever app shows the declaration.
    /// </summary>
    private static PublishingError? CheckCallerConsent(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new(ErrorCatalog.ConsentMissing, SharingGuidelineTexts.CallerConsentMissing)
        : text.Length > MaxConsentTextLength ? new(ErrorCatalog.ConsentMissing,
            $"The consent text is {text.Length:N0} characters long; Midx keeps at most {MaxConsentTextLength:N0}. Send the words your user agreed to.")
        : null;

    /// <summary>
    /// The checks of everything but the video: what an edit of a waiting post changes, and what an approval checks again
    /// against the creator's <c>creator_info</c> of that moment.
    /// </summary>
    public static PublishingError? CheckChoices(PublishRequest request, CreatorSnapshot creator, DateTime nowUtc)
    {
        if (!request.ConsentGiven)
        {
            return new(ErrorCatalog.ConsentMissing);
        }

        if (request.Composer.ApiKeyId is not null && CheckCallerConsent(request.ConsentText) is { } callerConsent)
        {
            return callerConsent;
        }

        if (request.Caption.Length > MaxCaptionLength)
        {
            return new(ErrorCatalog.CaptionTooLong,
                $"The caption is {request.Caption.Length:N0} characters long; TikTok allows at most {MaxCaptionLength:N0}. {ErrorCatalog.CaptionTooLong.ToDo}");
        }

        if (request.Mode == PublishMode.Direct && !creator.DirectPostOffered)
        {
            return new(ErrorCatalog.DirectPostOff, $"{ErrorCatalog.DirectPostOff.Told} {ErrorCatalog.DirectPostOff.ToDo}");
        }

        if (request.Mode == PublishMode.Direct)
        {
            if (string.IsNullOrEmpty(request.PrivacyLevel))
            {
                return new(ErrorCatalog.PrivacyMissing, ErrorCatalog.PrivacyMissing.ToDo);
            }

            if (!creator.PrivacyLevelOptions.Contains(request.PrivacyLevel))
            {
                return new(ErrorCatalog.PrivacyNotOffered,
                    $"This TikTok account does not offer \"{SharingGuidelineTexts.PrivacyName(request.PrivacyLevel)}\" right now. {ErrorCatalog.PrivacyNotOffered.ToDo}");
            }

            if (request.DisclosureOn && !request.YourBrand && !request.BrandedContent)
            {
                return new(ErrorCatalog.DisclosureIncomplete, SharingGuidelineTexts.DisclosureIncomplete);
            }

            if (request.DisclosureOn && request.BrandedContent && request.PrivacyLevel == SharingGuidelineTexts.SelfOnly)
            {
                return new(ErrorCatalog.BrandedPrivate, SharingGuidelineTexts.BrandedNotPrivate);
            }
        }

        if (request.CoverTimestampMs is < 0)
        {
            return new(ErrorCatalog.CoverOutOfRange);
        }

        if (request.ScheduledAtUtc is { } at && at < nowUtc.AddMinutes(-1))
        {
            return new(ErrorCatalog.ScheduleInPast);
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
            return new(ErrorCatalog.UrlNotAvailable);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return new(ErrorCatalog.UrlNotHttps);
        }

        if (!prefixes.Any(p => uri.AbsoluteUri.StartsWith(p, StringComparison.Ordinal)))
        {
            return new(ErrorCatalog.UrlNotVerified,
                "TikTok only downloads videos from addresses verified for Midx: " + string.Join(", ", prefixes)
                + ". " + ErrorCatalog.UrlNotVerified.ToDo);
        }

        return null;
    }

    /// <summary>The account's grant is gone: what a new post and an edit of one say, naming the account.</summary>
    public static PublishingError AccountNeedsReconnect(string? username) => new(ErrorCatalog.AccountNeedsReconnect,
        $"TikTok no longer accepts Midx's access to @{username}. {ErrorCatalog.AccountNeedsReconnect.ToDo}");

    /// <summary>A cover moment must lie inside the video.</summary>
    public static PublishingError? CheckCover(int? coverTimestampMs, int durationMs) =>
        coverTimestampMs is { } ms && (ms < 0 || ms > durationMs)
            ? new PublishingError(ErrorCatalog.CoverOutOfRange)
            : null;
}
