namespace Midx.Core.Publishing;

/// <summary>An upload being written; deleted unless it passes the checks and is committed.</summary>
public sealed record PendingMedia(Guid Id, Guid UserId, string Path);
