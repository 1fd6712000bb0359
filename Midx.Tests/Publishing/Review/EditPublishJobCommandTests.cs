using System.Text.Json;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Tests.Publishing.Review;

/// <summary>
/// A member who may compose edits a post nothing has been sent of: the edit replaces the choices and the consent, needs
/// approval again wherever the editor's own post would, and is refused once a worker may be about to send the post.
/// </summary>
public sealed class EditPublishJobCommandTests : IAsyncLifetime
{
    private const string NewCaption = "Studio launch teaser, music by Ana";

    /// <summary>How the worker moves a post that was sent at once to each state.</summary>
    private static readonly Dictionary<JobState, JobState[]> WorkerPathTo = new()
    {
        [JobState.Queued] = [],
        [JobState.Uploading] = [JobState.Initializing, JobState.Uploading],
        [JobState.Published] = [JobState.Initializing, JobState.Uploading, JobState.Processing, JobState.Published],
    };

    private ReviewStudio _studio = default!;

    public async Task InitializeAsync() => _studio = await ReviewStudio.CreateAsync();

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    [Fact]
    public async Task Execute_EditorEditsSentBackPost_IsBackInReviewWithTheNewCaptionAndConsent()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.SendBackAsync(_studio.Publisher, job.Id, "Credit the composer")).Succeeded);
        _studio.Harness.Time.Advance(TimeSpan.FromMinutes(10));

        var result = await _studio.EditAsync(job.Id, _studio.EditRequest(_studio.Editor, job, NewCaption));

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.AwaitingReview, NewCaption, (string?)null), (stored.State, stored.Caption, stored.ReviewComment));
        Assert.Equal($"Edited by Eve Editor. {JobMessages.AwaitingReview}", (await _studio.HistoryAsync(job.Id))[^1]);
        var consent = await _studio.ConsentAsync(job.Id);
        Assert.Equal((_studio.Editor.Id, _studio.Now), (consent.UserId, consent.AgreedAt));
        using var shown = JsonDocument.Parse(consent.ShownJson);
        Assert.Equal(NewCaption, shown.RootElement.GetProperty("caption").GetString());
        Assert.Null(consent.ApprovedByUserId);
        var update = _studio.Harness.Published[^1];
        Assert.Equal((JobState.AwaitingReview, (string?)null), (update.State, update.ReviewComment));
    }

    [Fact]
    public async Task Execute_EditorEditsApprovedScheduledPost_NeedsApprovalAgain()
    {
        var at = _studio.Now.AddHours(3);
        var job = await _studio.PostAsync(_studio.Editor, at);
        Assert.True((await _studio.ApproveAsync(_studio.Publisher, job.Id)).Succeeded);
        Assert.Equal(JobState.Scheduled, (await _studio.JobAsync(job.Id)).State);

        var result = await _studio.EditAsync(job.Id, _studio.EditRequest(_studio.Editor, job, NewCaption, at));

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.AwaitingReview, at, NewCaption), (stored.State, stored.ScheduledAt, stored.Caption));
        var consent = await _studio.ConsentAsync(job.Id);
        Assert.Equal(((Guid?)null, (DateTime?)null, (string?)null, (string?)null),
            (consent.ApprovedByUserId, consent.ApprovedAt, consent.ApprovalDeclarationText, consent.ApprovalShownJson));
        Assert.Equal($"Edited by Eve Editor. {JobMessages.AwaitingReview}", (await _studio.HistoryAsync(job.Id))[^1]);
        Assert.True((await _studio.ApproveAsync(_studio.Publisher, job.Id)).Succeeded, "The edited post waits for a new approval.");
    }

    [Fact]
    public async Task Execute_PublisherEditsTheirScheduledPost_StaysScheduledAtTheNewTime()
    {
        var job = await _studio.PostAsync(_studio.Publisher, _studio.Now.AddHours(3));
        var newTime = _studio.Now.AddHours(5);

        var result = await _studio.EditAsync(job.Id, _studio.EditRequest(_studio.Publisher, job, NewCaption, newTime));

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.Scheduled, newTime, NewCaption), (stored.State, stored.ScheduledAt, stored.Caption));
        Assert.Equal($"Edited by Pat Publisher. {JobMessages.ScheduledFor(newTime)}", (await _studio.HistoryAsync(job.Id))[^1]);
    }

    [Fact]
    public async Task Execute_OwnerEditsAnEditorsSentBackPost_SendsItOnAsTheirOwn()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.SendBackAsync(_studio.Publisher, job.Id, "Credit the composer")).Succeeded);

        var result = await _studio.EditAsync(job.Id, _studio.EditRequest(_studio.Owner, job, NewCaption));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(JobState.Queued, (await _studio.JobAsync(job.Id)).State);
        Assert.Equal($"Edited by Olga Owner. {JobMessages.WaitingToStart}", (await _studio.HistoryAsync(job.Id))[^1]);
        Assert.Equal(_studio.Owner.Id, (await _studio.ConsentAsync(job.Id)).UserId);
    }

    [Theory]
    [InlineData(JobState.Queued)]
    [InlineData(JobState.Uploading)]
    [InlineData(JobState.Published)]
    public async Task Execute_PostMidxIsSendingOrHasEnded_IsNotEditableAndNothingChanges(JobState state)
    {
        var job = await _studio.PostAsync(_studio.Publisher);
        await _studio.MoveAsync(job.Id, WorkerPathTo[state]);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.EditAsync(job.Id, _studio.EditRequest(_studio.Publisher, job, NewCaption));

        Assert.Equal(ErrorCatalog.NotEditable, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_ScheduledPostWithinTheEditMarginOfItsTime_IsNotEditableAndNothingChanges()
    {
        var at = _studio.Now.AddHours(1);
        var job = await _studio.PostAsync(_studio.Publisher, at);
        _studio.Harness.Time.Advance(at - _studio.Now - PublishReview.EditMargin / 2);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.EditAsync(job.Id, _studio.EditRequest(_studio.Publisher, job, NewCaption, at.AddHours(1)));

        Assert.Equal(ErrorCatalog.NotEditable, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Theory]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(null)]
    public async Task Execute_SomeoneWhoMayNotComposeThere_IsNotFoundAndNothingChanges(WorkspaceRole? role)
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);
        var editor = role is { } member ? _studio.Member(member) : _studio.Stranger;

        var result = await _studio.EditAsync(job.Id, _studio.EditRequest(editor, job, NewCaption));

        Assert.Equal(ErrorCatalog.JobNotFound, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_CaptionTooLong_IsRefusedAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.SendBackAsync(_studio.Publisher, job.Id, "Say more")).Succeeded);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.EditAsync(job.Id, _studio.EditRequest(_studio.Editor, job, new string('a', PublishRequestRules.MaxCaptionLength + 1)));

        Assert.Equal(ErrorCatalog.CaptionTooLong, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }
}
