namespace Midx.Core.Publishing;

/// <summary>What the creator saw and agreed to on the compose page when they asked Midx to post.</summary>
public sealed class ConsentRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid JobId { get; set; }

    /// <summary>Who agreed; null once they left Midx and the post stayed with its shared workspace.</summary>
    public Guid? UserId { get; set; }
    public DateTime AgreedAt { get; set; }
    public required string CreatorNickname { get; set; }
    public string? CreatorUsername { get; set; }

    /// <summary>The declaration sentence exactly as shown above the button.</summary>
    public required string DeclarationText { get; set; }

    /// <summary>JSON of every choice and notice on the page at the moment of consent.</summary>
    public required string ShownJson { get; set; }
}
