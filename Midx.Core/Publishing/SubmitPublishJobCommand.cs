using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Privacy;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// Turns a compose submission into a job: checks it against the creator's fresh <c>creator_info</c> and the video's own
/// bytes, then writes the job, its consent record and its first history entry in one transaction. Only a member who
/// may compose in the workspace, for one of its accounts, and within its posting boundary. The same
/// (workspace, submission key) twice gives back the first job, so a double click is one post.
/// </summary>
public sealed class SubmitPublishJobCommand(
    MidxDbContext db,
    MediaStore media,
    JobUpdateBus bus,
    TimeProvider time,
    IOptions<PublishingOptions> publishing,
    IOptions<RetentionOptions> retention,
    ILogger<SubmitPublishJobCommand> logger)
{
    public async Task<PublishingResult<SubmittedJob>> ExecuteAsync(PublishRequest request, CreatorSnapshot creator, CancellationToken cancellationToken)
    {
        if (await FindExistingAsync(request.WorkspaceId, request.SubmissionKey, cancellationToken) is { } existing)
        {
            return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(existing, AlreadySubmitted: true));
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (PublishRequestRules.Check(request, creator, publishing.Value.PullFromUrlPrefixes, now) is { } invalid)
        {
            return invalid;
        }

        var composable = db.WorkspacesWhere(request.UserId, WorkspacePermission.Compose);
        var found = await (from a in db.TikTokAccounts.AsNoTracking()
                           join w in db.Workspaces.AsNoTracking() on a.WorkspaceId equals w.Id
                           where a.Id == request.TikTokAccountId && a.WorkspaceId == request.WorkspaceId && composable.Contains(a.WorkspaceId)
                           select new { Account = a, w.InboxDraftsOnly })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.AccountNotFound, ErrorCatalog.AccountNotFound.ToDo);
        }

        var account = found.Account;
        if (request.Mode == PublishMode.Direct && found.InboxDraftsOnly)
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.DirectPostOff, ErrorCatalog.DirectPostOff.Told);
        }

        if (account.TokenState == TokenState.NeedsReconnect)
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.AccountNeedsReconnect,
                $"TikTok no longer accepts Midx's access to @{account.Username}. {ErrorCatalog.AccountNeedsReconnect.ToDo}");
        }

        StoredMedia? video = null;
        if (request.Source == VideoSource.File)
        {
            video = await media.FindAsync(request.UserId, request.UploadId!.Value, cancellationToken);
            if (video is null)
            {
                return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.VideoMissing,
                    $"The uploaded video is no longer here (Midx keeps uploads for {retention.Value.MediaHours} hours). Upload it again.");
            }

            // The file is read again rather than trusting what the upload said: the creator's limit may differ.
            var facts = await VideoInspector.InspectFileAsync(video.Path, cancellationToken);
            if (!facts.Succeeded)
            {
                return facts.Error;
            }

            if (VideoInspector.CheckDuration(facts.Value, creator.MaxVideoPostDurationSec) is { } tooLong)
            {
                return tooLong;
            }

            if (PublishRequestRules.CheckCover(request.CoverTimestampMs, facts.Value.DurationMs) is { } cover)
            {
                return cover;
            }

            // The sweeper deletes media after MediaHours whatever happens, so a post must be due well before that.
            var latest = video.UploadedAt.AddHours(retention.Value.MediaHours - 1);
            if (request.ScheduledAtUtc > latest)
            {
                return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.ScheduleTooFar,
                    $"Midx keeps an uploaded video for {retention.Value.MediaHours} hours, so this post can be scheduled until "
                    + $"{latest:yyyy-MM-dd HH:mm} UTC at the latest.");
            }
        }

        var job = BuildJob(request, creator, video, now);
        var consent = BuildConsent(request, creator, job, now);
        var firstMessage = job.State == JobState.Scheduled
            ? $"Scheduled for {job.ScheduledAt:yyyy-MM-dd HH:mm} UTC."
            : "Waiting to start: Midx will send it to TikTok in a moment.";
        db.PublishJobs.Add(job);
        db.ConsentRecords.Add(consent);
        db.PublishEvents.Add(new PublishEvent { JobId = job.Id, At = now, State = job.State, Message = firstMessage });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests with the same key raced; the unique index let one through, and that one is the job.
            db.ChangeTracker.Clear();
            var raced = await FindExistingAsync(request.WorkspaceId, request.SubmissionKey, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(raced, AlreadySubmitted: true));
        }

        logger.LogInformation("Job {JobId} submitted by {UserId}: {Mode} {Source}, {State}", job.Id, job.UserId, job.Mode, job.Source, job.State);
        await bus.PublishAsync(JobUpdate.From(job, firstMessage, now), cancellationToken);
        return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(job, AlreadySubmitted: false));
    }

    private Task<PublishJob?> FindExistingAsync(Guid workspaceId, string submissionKey, CancellationToken cancellationToken) =>
        db.PublishJobs.AsNoTracking().SingleOrDefaultAsync(j => j.WorkspaceId == workspaceId && j.SubmissionKey == submissionKey, cancellationToken);

    private static PublishJob BuildJob(PublishRequest request, CreatorSnapshot creator, StoredMedia? video, DateTime now)
    {
        var direct = request.Mode == PublishMode.Direct;
        var disclosed = direct && request.DisclosureOn;
        var scheduled = request.ScheduledAtUtc is { } at && at > now ? at : (DateTime?)null;
        return new PublishJob
        {
            UserId = request.UserId,
            WorkspaceId = request.WorkspaceId,
            TikTokAccountId = request.TikTokAccountId,
            SubmissionKey = request.SubmissionKey,
            Mode = request.Mode,
            Source = request.Source,
            FileName = video?.FileName,
            FileSize = video?.Size ?? 0,
            MimeType = video?.MimeType,
            MediaPath = video?.Path,
            DurationMs = video?.DurationMs,
            SourceUrl = request.Source == VideoSource.Url ? request.SourceUrl : null,
            Caption = request.Caption,
            PrivacyLevel = direct ? request.PrivacyLevel : null,
            // TikTok would force these anyway when the creator switched them off; Midx never asks for more.
            DisableComment = !request.AllowComment || creator.CommentDisabled,
            DisableDuet = !request.AllowDuet || creator.DuetDisabled,
            DisableStitch = !request.AllowStitch || creator.StitchDisabled,
            CoverTimestampMs = request.CoverTimestampMs,
            BrandOrganicToggle = disclosed && request.YourBrand,
            BrandContentToggle = disclosed && request.BrandedContent,
            IsAigc = request.IsAigc,
            ScheduledAt = scheduled,
            State = scheduled is null ? JobState.Queued : JobState.Scheduled,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static ConsentRecord BuildConsent(PublishRequest request, CreatorSnapshot creator, PublishJob job, DateTime now)
    {
        var disclosed = request.Mode == PublishMode.Direct && request.DisclosureOn;
        var declaration = SharingGuidelineTexts.Declaration(disclosed && request.BrandedContent);
        var shown = new
        {
            creator = new { nickname = creator.Nickname, username = creator.Username, avatarUrl = creator.AvatarUrl },
            mode = request.Mode.ToString(),
            source = request.Source.ToString(),
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
        return new ConsentRecord
        {
            JobId = job.Id,
            UserId = request.UserId,
            AgreedAt = now,
            CreatorNickname = creator.Nickname,
            CreatorUsername = creator.Username,
            DeclarationText = declaration,
            ShownJson = JsonSerializer.Serialize(shown),
        };
    }
}
