using System.Text.Json;

namespace Midx.Core.Publishing;

/// <summary>
/// A compose request's choices written onto a job, and the consent they were given under: one place for a new post
/// (<see cref="SubmitPublishJobCommand"/>) and an edited one (<see cref="EditPublishJobCommand"/>), so both store the same.
/// </summary>
internal static class PostChoices
{
    /// <summary>The moment to post, or null for now (a time already here counts as now).</summary>
    public static DateTime? ScheduledFor(PublishRequest request, DateTime now) => request.ScheduledAtUtc is { } at && at > now ? at : null;

    /// <summary>Everything but the video and the state: what a person chooses about how the post appears, and when.</summary>
    public static void ApplyTo(PublishJob job, PublishRequest request, CreatorSnapshot creator, DateTime now)
    {
        var direct = request.Mode == PublishMode.Direct;
        var disclosed = direct && request.DisclosureOn;
        job.Mode = request.Mode;
        job.Caption = request.Caption;
        job.PrivacyLevel = direct ? request.PrivacyLevel : null;
        // TikTok would force these anyway when the creator switched them off; Midx never asks for more.
        job.DisableComment = !request.AllowComment || creator.CommentDisabled;
        job.DisableDuet = !request.AllowDuet || creator.DuetDisabled;
        job.DisableStitch = !request.AllowStitch || creator.StitchDisabled;
        job.CoverTimestampMs = request.CoverTimestampMs;
        job.BrandOrganicToggle = disclosed && request.YourBrand;
        job.BrandContentToggle = disclosed && request.BrandedContent;
        job.IsAigc = request.IsAigc;
        job.ScheduledAt = ScheduledFor(request, now);
    }

    /// <summary>The declaration above the button for these choices, and JSON of every choice and notice the page showed.</summary>
    public static (string Declaration, string ShownJson) Consent(PublishRequest request, CreatorSnapshot creator, PublishJob job)
    {
        var disclosed = request.Mode == PublishMode.Direct && request.DisclosureOn;
        var declaration = SharingGuidelineTexts.Declaration(disclosed && request.BrandedContent);
        var shown = new
        {
            creator = new { nickname = creator.Nickname, username = creator.Username, avatarUrl = creator.AvatarUrl },
            mode = request.Mode.ToString(),
            source = job.Source.ToString(),
            fileName = job.FileName,
            sourceUrl = job.SourceUrl,
            caption = request.Caption,
            privacyOptionsShown = creator.PrivacyLevelOptions,
            privacyChosen = job.PrivacyLevel,
            interactions = new
            {
                allowComment = !job.DisableComment,
                allowDuet = !job.DisableDuet,
                allowStitch = !job.DisableStitch,
                commentDisabledByCreator = creator.CommentDisabled,
                duetDisabledByCreator = creator.DuetDisabled,
                stitchDisabledByCreator = creator.StitchDisabled,
            },
            disclosure = new
            {
                on = disclosed,
                yourBrand = job.BrandOrganicToggle,
                brandedContent = job.BrandContentToggle,
                label = SharingGuidelineTexts.Label(disclosed, request.YourBrand, request.BrandedContent),
            },
            isAigc = request.IsAigc,
            coverTimestampMs = request.CoverTimestampMs,
            scheduledAtUtc = job.ScheduledAt,
            maxVideoPostDurationSec = creator.MaxVideoPostDurationSec,
            notices = request.Mode == PublishMode.Inbox
                ? new[] { SharingGuidelineTexts.ProcessingNotice, SharingGuidelineTexts.InboxNotice }
                : [SharingGuidelineTexts.ProcessingNotice],
            declaration,
            declarationLinks = disclosed && request.BrandedContent
                ? new[] { SharingGuidelineTexts.BrandedContentPolicyUrl, SharingGuidelineTexts.MusicUsageUrl }
                : [SharingGuidelineTexts.MusicUsageUrl],
        };
        return (declaration, JsonSerializer.Serialize(shown));
    }
}
