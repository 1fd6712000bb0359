namespace Midx.Core.Publishing;

/// <summary>The job a submission created, or found when the same submission came again.</summary>
public sealed record SubmittedJob(PublishJob Job, bool AlreadySubmitted);
