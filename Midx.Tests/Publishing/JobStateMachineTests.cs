using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

public sealed class JobStateMachineTests
{
    public static TheoryData<JobState[]> HappyPaths => new()
    {
        // Direct post of an uploaded file, now.
        new[] { JobState.Queued, JobState.Initializing, JobState.Uploading, JobState.Uploading, JobState.Processing, JobState.Processing, JobState.Published },
        // Scheduled draft to the TikTok inbox, later posted by the creator in the app.
        new[] { JobState.Scheduled, JobState.Queued, JobState.Initializing, JobState.Uploading, JobState.Processing, JobState.SentToInbox, JobState.Published },
        // Pulled from a URL: nothing to upload.
        new[] { JobState.Queued, JobState.Initializing, JobState.Processing, JobState.Published },
        // TikTok refused the access token at init (so created nothing): back to waiting, then started again after a reconnect.
        new[] { JobState.Queued, JobState.Initializing, JobState.Queued, JobState.Initializing, JobState.Uploading },
        // Where posts need approval: sent back, edited, approved for its time, edited after approval (approval again).
        new[] { JobState.AwaitingReview, JobState.ChangesRequested, JobState.AwaitingReview, JobState.Scheduled, JobState.AwaitingReview, JobState.Queued, JobState.Initializing },
        // Published first, the public post id arrives after moderation.
        new[] { JobState.Processing, JobState.Published, JobState.Published },
    };

    [Theory]
    [MemberData(nameof(HappyPaths))]
    public void CanMove_EveryStepOfARealJourney_IsAllowed(JobState[] path)
    {
        for (var i = 1; i < path.Length; i++)
        {
            Assert.True(JobStateMachine.CanMove(path[i - 1], path[i]), $"{path[i - 1]} → {path[i]}");
        }
    }

    [Theory]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.Cancelled)]
    public void CanMove_FromFailedOrCancelled_NothingIsAllowed(JobState from)
    {
        Assert.All(Enum.GetValues<JobState>(), to => Assert.False(JobStateMachine.CanMove(from, to), $"{from} → {to}"));
    }

    [Theory]
    [InlineData(JobState.Published, JobState.Failed)]
    [InlineData(JobState.Published, JobState.Processing)]
    [InlineData(JobState.Processing, JobState.Uploading)]
    [InlineData(JobState.Uploading, JobState.Initializing)]
    [InlineData(JobState.SentToInbox, JobState.Processing)]
    [InlineData(JobState.Queued, JobState.Scheduled)]
    public void CanMove_Backwards_IsRefused(JobState from, JobState to)
    {
        Assert.False(JobStateMachine.CanMove(from, to));
    }

    [Theory]
    [InlineData(JobState.Queued, JobState.Uploading)]
    [InlineData(JobState.Scheduled, JobState.Initializing)]
    [InlineData(JobState.Queued, JobState.Published)]
    [InlineData(JobState.Initializing, JobState.Published)]
    public void CanMove_SkippingInit_IsRefused(JobState from, JobState to)
    {
        Assert.False(JobStateMachine.CanMove(from, to));
    }

    [Theory]
    [InlineData(JobState.Initializing)]
    [InlineData(JobState.Processing)]
    [InlineData(JobState.SentToInbox)]
    public void CanMove_CancelOnceTikTokMayHaveAPost_IsRefused(JobState from)
    {
        Assert.False(JobStateMachine.CanMove(from, JobState.Cancelled));
        Assert.False(JobStateMachine.CanUserCancel(from));
    }

    [Theory]
    [InlineData(JobState.AwaitingReview)]
    [InlineData(JobState.ChangesRequested)]
    [InlineData(JobState.Scheduled)]
    [InlineData(JobState.Queued)]
    [InlineData(JobState.Uploading)]
    public void CanUserCancel_BeforeInitOrDuringUpload_IsAllowedAndAValidMove(JobState state)
    {
        Assert.True(JobStateMachine.CanUserCancel(state));
        Assert.True(JobStateMachine.CanMove(state, JobState.Cancelled));
    }

    [Fact]
    public void CanMove_AnyNonTerminalState_CanFail()
    {
        foreach (var state in Enum.GetValues<JobState>().Where(s => !JobStateMachine.IsTerminal(s)))
        {
            Assert.True(JobStateMachine.CanMove(state, JobState.Failed), state.ToString());
        }
    }

    [Fact]
    public void CanUserRetry_OnlyFailedJobs_AreRetried()
    {
        Assert.Equal([JobState.Failed], Enum.GetValues<JobState>().Where(JobStateMachine.CanUserRetry));
    }

    [Fact]
    public void CanUserEdit_OnlyWhileNothingWasSentAndNoWorkerIsAboutToStart()
    {
        Assert.Equal([JobState.AwaitingReview, JobState.ChangesRequested, JobState.Scheduled], Enum.GetValues<JobState>().Where(JobStateMachine.CanUserEdit));
        // An edit keeps a post where it is, or moves it as an approval would: every such move is allowed.
        Assert.All(Enum.GetValues<JobState>().Where(JobStateMachine.CanUserEdit), from =>
            Assert.True(JobStateMachine.CanMove(from, JobState.AwaitingReview) && JobStateMachine.CanMove(from, JobState.Scheduled)
                && JobStateMachine.CanMove(from, JobState.Queued), from.ToString()));
    }

    [Theory]
    [InlineData(JobState.AwaitingReview, JobState.Initializing)]
    [InlineData(JobState.AwaitingReview, JobState.Uploading)]
    [InlineData(JobState.ChangesRequested, JobState.Initializing)]
    [InlineData(JobState.ChangesRequested, JobState.ChangesRequested)]
    [InlineData(JobState.Queued, JobState.AwaitingReview)]
    [InlineData(JobState.Uploading, JobState.AwaitingReview)]
    public void CanMove_PastReviewOrBackIntoItOnceStarted_IsRefused(JobState from, JobState to)
    {
        Assert.False(JobStateMachine.CanMove(from, to));
    }

    [Theory]
    [InlineData(JobState.AwaitingReview, false, DisconnectEffect.Cancel)]
    [InlineData(JobState.ChangesRequested, false, DisconnectEffect.Cancel)]
    [InlineData(JobState.Scheduled, true, DisconnectEffect.Cancel)]
    [InlineData(JobState.Queued, false, DisconnectEffect.Cancel)]
    [InlineData(JobState.Initializing, false, DisconnectEffect.Wait)]
    [InlineData(JobState.Uploading, false, DisconnectEffect.Wait)]
    [InlineData(JobState.Processing, false, DisconnectEffect.StopFollowing)]
    [InlineData(JobState.SentToInbox, true, DisconnectEffect.StopFollowing)]
    [InlineData(JobState.SentToInbox, false, DisconnectEffect.None)]
    [InlineData(JobState.Published, true, DisconnectEffect.StopFollowing)]
    [InlineData(JobState.Published, false, DisconnectEffect.None)]
    [InlineData(JobState.Failed, false, DisconnectEffect.None)]
    [InlineData(JobState.Cancelled, false, DisconnectEffect.None)]
    public void OnDisconnect_EachState_CancelsOnlyWhatTikTokNeverGotAndNeverCallsAPostFailed(JobState state, bool followed, DisconnectEffect expected)
    {
        var effect = JobStateMachine.OnDisconnect(state, followed);

        Assert.Equal(expected, effect);
        // Whatever a disconnect cancels must be a move the state machine allows.
        Assert.True(effect != DisconnectEffect.Cancel || JobStateMachine.CanMove(state, JobState.Cancelled));
    }
}
