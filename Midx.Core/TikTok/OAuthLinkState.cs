namespace Midx.Core.TikTok;

/// <summary>
/// A pending "link a TikTok account" authorization: binds TikTok's <c>state</c> to the workspace the account is linked
/// into and to who asked, either the signed-in <see cref="UserId"/> or, for someone who is no Midx user, the hosted
/// <see cref="ConnectLinkId"/> they opened, and keeps the PKCE verifier server-side until the callback.
/// </summary>
public sealed class OAuthLinkState
{
    public required string Id { get; set; }
    public Guid? UserId { get; set; }
    public Guid? ConnectLinkId { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string CodeVerifier { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
