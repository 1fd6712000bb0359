namespace Midx.Core.Workspaces;

/// <summary>
/// What an invitation link comes to for the signed-in person: open to accept, accepted, or why not, with the sentence
/// the invitation page shows. <see cref="Invitation"/> is there only for the person it was meant for.
/// </summary>
public sealed record InvitationResult(InvitationOutcome Outcome, string Message, InvitationDetails? Invitation)
{
    public static InvitationResult Of(InvitationOutcome outcome, string invitedEmail, InvitationDetails? invitation) =>
        new(outcome, MessageFor(outcome, invitedEmail, invitation), invitation);

    public static string MessageFor(InvitationOutcome outcome, string invitedEmail, InvitationDetails? invitation) => outcome switch
    {
        InvitationOutcome.Open => $"You are invited to join {invitation?.WorkspaceName} as {invitation?.Role}.",
        InvitationOutcome.Accepted => $"You joined {invitation?.WorkspaceName} as {invitation?.Role}.",
        InvitationOutcome.NotFound => "This invitation link doesn't work. Check that it was copied whole, or ask for a new one.",
        InvitationOutcome.Revoked => "This invitation was withdrawn. Ask whoever invited you for a new one.",
        InvitationOutcome.Expired => "This invitation has expired. Ask whoever invited you for a new one.",
        InvitationOutcome.AlreadyUsed => "This invitation has already been used. Each link works once; ask for a new one if you need it.",
        InvitationOutcome.WrongAccount => $"This invitation is for {Mask(invitedEmail)}. Sign in with that Google account to accept it.",
        InvitationOutcome.AlreadyMember => $"You are already a member of {invitation?.WorkspaceName}.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>
    /// The invited address with its local part hidden but for its first letter (<c>a…@example.com</c>): enough for the
    /// right person to recognise, not enough to hand someone else's address to whoever holds the link.
    /// </summary>
    public static string Mask(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? "…" : $"{email[0]}…{email[at..]}";
    }
}

public enum InvitationOutcome
{
    /// <summary>The person it was meant for may accept it.</summary>
    Open,
    Accepted,
    NotFound,
    Revoked,
    Expired,
    AlreadyUsed,

    /// <summary>Signed in with a Google account whose email is not the invited one.</summary>
    WrongAccount,
    AlreadyMember,
}

/// <summary>What the invitation page shows about an invitation before it is accepted.</summary>
public sealed record InvitationDetails(Guid WorkspaceId, string WorkspaceName, string? InvitedBy, WorkspaceRole Role, DateTime ExpiresAt);
