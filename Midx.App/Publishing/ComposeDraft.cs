using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.App.Publishing;

/// <summary>
/// What the person has chosen on the compose page so far, and the rules of TikTok's Content Sharing Guidelines
/// (https://developers.tiktok.com/doc/content-sharing-guidelines) that follow from those choices, in one place: the
/// page's sections read them to grey out, hide and explain, and <see cref="ToRequest"/> turns the choices into what
/// <see cref="SubmitPublishJobCommand"/> checks again on the server. Nothing has a default the guidelines forbid:
/// no privacy level, every interaction off, the disclosure off.
/// </summary>
public sealed class ComposeDraft
{
    private bool _disclosureOn;

    /// <summary>The same for every press of the button on this page, so a double press is one post.</summary>
    public string SubmissionKey { get; } = Guid.NewGuid().ToString("N");

    public PublishMode Mode { get; set; } = PublishMode.Direct;

    public VideoSource Source { get; set; } = VideoSource.File;

    /// <summary>The uploaded video, once the upload endpoint accepted it.</summary>
    public UploadEndpoints.UploadResponse? Video { get; set; }

    public string? SourceUrl { get; set; }

    public string Caption { get; set; } = "";

    public string? PrivacyLevel { get; set; }

    public bool AllowComment { get; set; }

    public bool AllowDuet { get; set; }

    public bool AllowStitch { get; set; }

    /// <summary>The cover frame, in milliseconds from the start; null for TikTok's choice.</summary>
    public int? CoverTimestampMs { get; set; }

    /// <summary>The commercial-content disclosure; turning it off clears both kinds, which belong to it.</summary>
    public bool DisclosureOn
    {
        get => _disclosureOn;
        set
        {
            _disclosureOn = value;
            if (!value)
            {
                (YourBrand, BrandedContent) = (false, false);
            }
        }
    }

    public bool YourBrand { get; set; }

    public bool BrandedContent { get; set; }

    public bool IsAigc { get; set; }

    /// <summary>At a time the person chooses, rather than now.</summary>
    public bool Later { get; set; }

    /// <summary>The chosen time as the person's own clock reads it, in <see cref="TimeZone"/>.</summary>
    public DateTime? ScheduleLocal { get; set; }

    /// <summary>The browser's time zone (an IANA name); null until the page has asked the browser.</summary>
    public string? TimeZone { get; set; }

    public bool IsDirect => Mode == PublishMode.Direct;

    /// <summary>The disclosure is on, but neither kind is chosen: TikTok's guidelines keep the button disabled.</summary>
    public bool DisclosureIncomplete => IsDirect && DisclosureOn && !YourBrand && !BrandedContent;

    /// <summary>Branded content may not be private: "Only me" is not offered while it is chosen.</summary>
    public bool BrandedContentChosen => IsDirect && DisclosureOn && BrandedContent;

    /// <summary>"Only me" is chosen: branded content is not offered while it is.</summary>
    public bool SelfOnlyChosen => IsDirect && PrivacyLevel == SharingGuidelineTexts.SelfOnly;

    /// <summary>The label TikTok will show for these choices, or null when none.</summary>
    public string? DisclosureLabel => IsDirect ? SharingGuidelineTexts.Label(DisclosureOn, YourBrand, BrandedContent) : null;

    /// <summary>The declaration above the button for these choices.</summary>
    public string Declaration => SharingGuidelineTexts.Declaration(BrandedContentChosen);

    /// <summary>The caption's length as TikTok counts it: UTF-16 code units, which is what a .NET string counts.</summary>
    public int CaptionLength => Caption.Length;

    public int CaptionOverBy => Math.Max(0, CaptionLength - PublishRequestRules.MaxCaptionLength);

    /// <summary>
    /// Keeps the choices true to a creator's <c>creator_info</c> after the account changed: a privacy level the creator
    /// does not offer is dropped, and interactions the creator switched off are switched off.
    /// </summary>
    public void FitTo(CreatorSnapshot creator)
    {
        if (PrivacyLevel is not null && !creator.PrivacyLevelOptions.Contains(PrivacyLevel))
        {
            PrivacyLevel = null;
        }

        AllowComment &= !creator.CommentDisabled;
        AllowDuet &= !creator.DuetDisabled;
        AllowStitch &= !creator.StitchDisabled;
        if (!creator.DirectPostOffered)
        {
            Mode = PublishMode.Inbox;
        }
    }

    /// <summary>
    /// The choices of a post being edited, as it was saved; <paramref name="video"/> is its video as the page previews it.
    /// The time is in UTC until the page knows the browser's zone (<see cref="ShowTimesIn"/>).
    /// </summary>
    public void Load(PublishJob job, UploadEndpoints.UploadResponse? video)
    {
        Mode = job.Mode;
        Source = job.Source;
        Video = video;
        SourceUrl = job.SourceUrl;
        Caption = job.Caption;
        PrivacyLevel = job.PrivacyLevel;
        AllowComment = !job.DisableComment;
        AllowDuet = !job.DisableDuet;
        AllowStitch = !job.DisableStitch;
        CoverTimestampMs = job.CoverTimestampMs;
        DisclosureOn = job.BrandOrganicToggle || job.BrandContentToggle;
        YourBrand = job.BrandOrganicToggle;
        BrandedContent = job.BrandContentToggle;
        IsAigc = job.IsAigc;
        Later = job.ScheduledAt is not null;
        ScheduleLocal = job.ScheduledAt;
    }

    /// <summary>
    /// The browser's time zone is known: a time loaded from a saved post (in UTC) is shown on the reader's clock from now on.
    /// </summary>
    public void ShowTimesIn(string? timeZone, DateTime? savedUtc)
    {
        TimeZone = timeZone;
        if (savedUtc is { } at)
        {
            ScheduleLocal = ReaderTimeZone.ToLocal(at, timeZone);
        }
    }

    /// <summary>The choices as the request the server checks and stores; <paramref name="consentGiven"/> is the button's press.</summary>
    public PublishRequest ToRequest(Guid userId, Guid workspaceId, Guid accountId, CreatorSnapshot creator, bool consentGiven) => new()
    {
        Composer = PostActor.Member(userId),
        WorkspaceId = workspaceId,
        TikTokAccountId = accountId,
        SubmissionKey = SubmissionKey,
        Mode = Mode,
        Source = Source,
        UploadId = Source == VideoSource.File ? Video?.MediaId : null,
        SourceUrl = Source == VideoSource.Url ? SourceUrl?.Trim() : null,
        Caption = Caption,
        PrivacyLevel = PrivacyLevel,
        AllowComment = AllowComment && !creator.CommentDisabled,
        AllowDuet = AllowDuet && !creator.DuetDisabled,
        AllowStitch = AllowStitch && !creator.StitchDisabled,
        CoverTimestampMs = CoverTimestampMs,
        DisclosureOn = DisclosureOn,
        YourBrand = YourBrand,
        BrandedContent = BrandedContent,
        IsAigc = IsAigc,
        ScheduledAtUtc = Later && ScheduleLocal is { } local ? ReaderTimeZone.ToUtc(local, TimeZone) : null,
        ConsentGiven = consentGiven,
    };
}
