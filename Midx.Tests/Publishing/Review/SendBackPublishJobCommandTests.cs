using Midx.Core.Admin;
using Midx.Core.Errors;
using Midx.Core.Publishing;

namespace Midx.Tests.Publishing.Review;

/// <summary>A Publisher or Owner sends an Editor's post back with a comment saying what should change.</summary>
public sealed class SendBackPublishJobCommandTests : IAsyncLifetime
{
    private ReviewStudio _studio = default!;

    public async Task InitializeAsync() => _studio = await ReviewStudio.CreateAsync();

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    [Fact]
    public async Task Execute_PublisherWithAComment_WaitsForChangesWithTheCommentSavedAndSaid()
    {
        var job = await _studio.PostAsync(_studio.Editor);

        var result = await _studio.SendBackAsync(_studio.Publisher, job.Id, "  Please credit the composer.  ");

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.ChangesRequested, "Please credit the composer."), (stored.State, stored.ReviewComment));
        Assert.Equal("Sent back by Pat Publisher: Please credit the composer.", (await _studio.HistoryAsync(job.Id))[^1]);
        var audit = Assert.Single(await _studio.AuditAsync(AuditActions.PostSentBack));
        Assert.Equal((_studio.Publisher.Id, _studio.Editor.Id), (audit.ActorUserId, audit.SubjectUserId));
        var update = _studio.Harness.Published[^1];
        Assert.Equal((JobState.ChangesRequested, "Please credit the composer."), (update.State, update.ReviewComment));
        Assert.Null((await _studio.ConsentAsync(job.Id)).ApprovedByUserId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Execute_NoComment_IsRefusedAndNothingChanges(string? comment)
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.SendBackAsync(_studio.Publisher, job.Id, comment);

        Assert.Equal(ErrorCatalog.ReviewCommentMissing, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_CommentLongerThanAllowed_IsRefusedSayingTheLengthAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.SendBackAsync(_studio.Publisher, job.Id, new string('x', PublishReview.MaxCommentLength + 1));

        Assert.Equal(ErrorCatalog.ReviewCommentTooLong, result.Error?.Code);
        Assert.Contains($"{PublishReview.MaxCommentLength + 1:N0} characters", result.Error?.Message);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_CommentOfExactlyTheMaximum_IsSaved()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var comment = new string('x', PublishReview.MaxCommentLength);

        var result = await _studio.SendBackAsync(_studio.Publisher, job.Id, comment);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(comment, (await _studio.JobAsync(job.Id)).ReviewComment);
    }

    [Fact]
    public async Task Execute_Editor_IsNotAllowedAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.SendBackAsync(_studio.Editor, job.Id, "Looks wrong");

        Assert.Equal(ErrorCatalog.NotAllowedToApprove, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_Stranger_IsNotFoundAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.SendBackAsync(_studio.Stranger, job.Id, "Looks wrong");

        Assert.Equal(ErrorCatalog.JobNotFound, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_PostAlreadySentBack_IsRefusedAndTheFirstCommentStays()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.SendBackAsync(_studio.Publisher, job.Id, "Shorter, please")).Succeeded);

        var result = await _studio.SendBackAsync(_studio.Owner, job.Id, "And brighter");

        Assert.Equal(ErrorCatalog.NotAwaitingReview, result.Error?.Code);
        Assert.Equal("Shorter, please", (await _studio.JobAsync(job.Id)).ReviewComment);
    }
}
