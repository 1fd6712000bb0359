namespace Midx.Core.Publishing;

/// <summary>
/// What the creator saw and agreed to on the compose page when they asked Midx to post (for an edited post, its last
/// edit), and, where the post needed approval, who approved it and what they saw and agreed to. An edit clears the approval:
/// the edited post is approved again.
/// </summary>
public sealed class ConsentRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid JobId { get; set; }

    /// <summary>Who agreed; null once they left Midx and the post stayed with its shared workspace.</summary>
    public Guid? UserId { get; set; }
    /// <summary>The API key that sent the post, when it came through the API; its user's words are <see cref="CallerConsentText"/>.</summary>
    public Guid? ApiKeyId { get; set; }

    public DateTime AgreedAt { get; set; }
    public required string CreatorNickname { get; set; }
    public string? CreatorUsername { get; set; }

    /// <summary>The declaration sentence exactly as shown above the button.</summary>
    public required string DeclarationText { get; set; }

    /// <summary>JSON of every choice and notice on the page at the moment of consent.</summary>
    public required string ShownJson { get; set; }

    /// <summary>For a post sent through the API: the consent text the integrator's user agreed to, as the integrator sent it.</summary>
    public string? CallerConsentText { get; set; }

    /// <summary>Who approved the post; null until approved, and once they left Midx.</summary>
    public Guid? ApprovedByUserId { get; set; }

    public DateTime? ApprovedAt { get; set; }

    /// <summary>The declaration the approver agreed to, exactly as shown above their button.</summary>
    public string? ApprovalDeclarationText { get; set; }

    /// <summary>JSON of what the approver saw: the creator's <c>creator_info</c> at that moment and the time they approved it for.</summary>
    public string? ApprovalShownJson { get; set; }

    public void ClearApproval() => (ApprovedByUserId, ApprovedAt, ApprovalDeclarationText, ApprovalShownJson) = (null, null, null, null);
}
