namespace Midx.Core.Publishing;

/// <summary>What a TikTok status means for a job, in words for the creator.</summary>
/// <param name="Retryable">The catalogue says the failure is on TikTok's side or temporary; a new attempt may work as is.</param>
public sealed record TikTokStatusMeaning(JobState State, string Message, bool Retryable = false);
