namespace Midx.Core.Api;

/// <summary>One key's use on one day (UTC): requests answered, those that ended in an error, and the posts it created.</summary>
public sealed class ApiKeyUsage
{
    public Guid KeyId { get; set; }
    public DateOnly Day { get; set; }
    public int Requests { get; set; }
    public int Errors { get; set; }
    public int PostsCreated { get; set; }
}
