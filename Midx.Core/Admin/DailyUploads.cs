namespace Midx.Core.Admin;

/// <summary>Uploads created on one UTC day, and how many of them ended in failure.</summary>
public sealed record DailyUploads(DateOnly Day, int Uploads, int Failures);
