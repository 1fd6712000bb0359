using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Tests.Publishing;

public sealed class SubmitPublishJobCommandTests : IAsyncLifetime
{
    private static readonly CreatorSnapshot Creator = new("Creator Nick", "creator", "https://avatar.test/a.png",
        ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], CommentDisabled: true, DuetDisabled: false, StitchDisabled: false, 300);

    private PublishingHarness _h = default!;

    public async Task InitializeAsync() => _h = await PublishingHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_ValidDirectPost_WritesQueuedJobConsentAndFirstEventTogether()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);

        var result = await SubmitAsync(Request(video) with { AllowComment = true, AllowDuet = true, CoverTimestampMs = 1500 });

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var db = _h.Database.NewContext();
        var job = await db.PublishJobs.SingleAsync();
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(video.Path, job.MediaPath);
        Assert.Equal(9582, job.FileSize);
        Assert.Equal("video/mp4", job.MimeType);
        Assert.InRange(job.DurationMs!.Value, 1995, 2005);
        Assert.Equal("PUBLIC_TO_EVERYONE", job.PrivacyLevel);
        Assert.True(job.DisableComment, "The creator switched comments off, so the post must not ask for them.");
        Assert.False(job.DisableDuet);
        Assert.True(job.DisableStitch, "Stitch was left unchecked.");
        var consent = await db.ConsentRecords.SingleAsync();
        Assert.Equal(job.Id, consent.JobId);
        Assert.Equal("Creator Nick", consent.CreatorNickname);
        Assert.Equal("By posting, you agree to TikTok's Music Usage Confirmation.", consent.DeclarationText);
        using var shown = JsonDocument.Parse(consent.ShownJson);
        Assert.Equal("It may take a few minutes for the content to process and be visible on your profile.",
            shown.RootElement.GetProperty("notices")[0].GetString());
        Assert.Equal(3, shown.RootElement.GetProperty("privacyOptionsShown").GetArrayLength());
        Assert.Equal(JobState.Queued, (await db.PublishEvents.SingleAsync()).State);
        Assert.Equal(job.Id, Assert.Single(_h.Published).JobId);
    }

    [Fact]
    public async Task ExecuteAsync_SameSubmissionKeyTwice_IsOneJob()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);

        var first = await SubmitAsync(Request(video));
        var second = await SubmitAsync(Request(video));

        Assert.False(first.Value!.AlreadySubmitted);
        Assert.True(second.Value!.AlreadySubmitted);
        Assert.Equal(first.Value.Job.Id, second.Value.Job.Id);
        await using var db = _h.Database.NewContext();
        Assert.Equal(1, await db.PublishJobs.CountAsync());
        Assert.Equal(1, await db.ConsentRecords.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SameKeyConcurrently_IsStillOneJob()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SubmitAsync(Request(video)))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Single(results.Select(r => r.Value!.Job.Id).Distinct());
        await using var db = _h.Database.NewContext();
        Assert.Equal(1, await db.PublishJobs.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_VideoLongerThanCreatorMaximum_IsRefusedAndNothingWritten()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.WebMThreeSeconds);

        var result = await SubmitAsync(Request(video), Creator with { MaxVideoPostDurationSec = 2 });

        Assert.Equal("too_long", result.Error?.Code.Value);
        Assert.Contains("at most 2 seconds", result.Error?.Message);
        await using var db = _h.Database.NewContext();
        Assert.Empty(await db.PublishJobs.ToListAsync());
        Assert.Empty(await db.ConsentRecords.ToListAsync());
    }

    [Fact]
    public async Task ExecuteAsync_AnotherUsersUpload_IsNotFound()
    {
        var stranger = await _h.Database.AddUserAsync("stranger@midx.test", _h.Now);
        var theirs = await _h.UploadAsync(stranger.Id, VideoFixtures.Mp4TwoSeconds);

        var result = await SubmitAsync(Request(theirs));

        Assert.Equal("video_missing", result.Error?.Code.Value);
    }

    [Fact]
    public async Task ExecuteAsync_AnotherUsersAccount_IsRefused()
    {
        var stranger = await _h.Database.AddUserAsync("stranger@midx.test", _h.Now);
        var theirAccount = await _h.Database.AddAccountAsync(stranger.Id, _h.Now);
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);

        var result = await SubmitAsync(Request(video) with { TikTokAccountId = theirAccount.Id });

        Assert.Equal("account_not_found", result.Error?.Code.Value);
    }

    [Fact]
    public async Task ExecuteAsync_AccountNeedsReconnect_IsRefusedWithWhatToDo()
    {
        await using (var db = _h.Database.NewContext())
        {
            var account = await db.TikTokAccounts.SingleAsync();
            account.TokenState = TokenState.NeedsReconnect;
            await db.SaveChangesAsync();
        }

        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);

        var result = await SubmitAsync(Request(video));

        Assert.Equal("account_needs_reconnect", result.Error?.Code.Value);
        Assert.Contains("Reconnect", result.Error?.Message);
    }

    [Fact]
    public async Task ExecuteAsync_BrandedContent_StoresToggleAndBrandedDeclaration()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);

        var result = await SubmitAsync(Request(video) with { DisclosureOn = true, BrandedContent = true, YourBrand = true });

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(result.Value.Job.BrandContentToggle);
        Assert.True(result.Value.Job.BrandOrganicToggle);
        await using var db = _h.Database.NewContext();
        var consent = await db.ConsentRecords.SingleAsync();
        Assert.Equal("By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.", consent.DeclarationText);
        Assert.Contains("Paid partnership", consent.ShownJson);
    }

    [Fact]
    public async Task ExecuteAsync_DisclosureOffWithStaleCheckboxes_SendsNoBrandToggles()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);

        var result = await SubmitAsync(Request(video) with { DisclosureOn = false, BrandedContent = true, PrivacyLevel = "SELF_ONLY" });

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.False(result.Value.Job.BrandContentToggle);
        Assert.False(result.Value.Job.BrandOrganicToggle);
    }

    [Fact]
    public async Task ExecuteAsync_ScheduledLater_IsScheduledAtThatUtcTime()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);
        var at = _h.Now.AddHours(3);

        var result = await SubmitAsync(Request(video) with { ScheduledAtUtc = at });

        Assert.Equal(JobState.Scheduled, result.Value!.Job.State);
        Assert.Equal(at, result.Value.Job.ScheduledAt);
        Assert.Equal(DateTimeKind.Utc, result.Value.Job.ScheduledAt!.Value.Kind);
    }

    [Fact]
    public async Task ExecuteAsync_ScheduledAfterTheVideoWouldBeSwept_IsRefused()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);

        var result = await SubmitAsync(Request(video) with { ScheduledAtUtc = _h.Now.AddHours(47.5) });

        Assert.Equal("schedule_too_far", result.Error?.Code.Value);
        Assert.Contains("48 hours", result.Error?.Message);
    }

    [Fact]
    public async Task ExecuteAsync_InboxDraft_StoresNoPrivacyAndTheInboxNotice()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.MovOneAndAHalfSeconds);

        var result = await SubmitAsync(Request(video) with { Mode = PublishMode.Inbox, PrivacyLevel = null });

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Null(result.Value.Job.PrivacyLevel);
        Assert.Equal("video/quicktime", result.Value.Job.MimeType);
        await using var db = _h.Database.NewContext();
        Assert.Contains("TikTok inbox", (await db.ConsentRecords.SingleAsync()).ShownJson);
    }

    private PublishRequest Request(StoredMedia video) => new()
    {
        Composer = PostActor.Member(_h.Database.User.Id),
        WorkspaceId = _h.Database.User.Id,
        TikTokAccountId = _h.Database.Account.Id,
        SubmissionKey = "key-1",
        Mode = PublishMode.Direct,
        Source = VideoSource.File,
        UploadId = video.Id,
        Caption = "Blue sky #test",
        PrivacyLevel = "PUBLIC_TO_EVERYONE",
        ConsentGiven = true,
    };

    private async Task<Midx.Core.Publishing.PublishingResult<SubmittedJob>> SubmitAsync(PublishRequest request, CreatorSnapshot? creator = null)
    {
        await using var db = _h.Database.NewContext();
        return await _h.Submit(db).ExecuteAsync(request, creator ?? Creator, CancellationToken.None);
    }
}
