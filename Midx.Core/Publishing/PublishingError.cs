namespace Midx.Core.Publishing;

/// <summary>An expected reason a publishing step said no, with words a creator can act on.</summary>
/// <param name="Code">Stable machine-readable code (for tests, logs and the admin console).</param>
/// <param name="Message">Plain-language explanation shown to the user.</param>
public sealed record PublishingError(string Code, string Message);
