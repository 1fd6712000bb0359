using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Accounts;

/// <summary>
/// Turns a Google profile into a Midx user: creates them on first sign-in, refreshes name, email, avatar and
/// last-seen afterwards. People are matched by Google's subject id, never by email: an email address can move
/// between Google accounts, the subject id cannot. A new person gets their personal workspace in the same save, and the
/// audit line is saved in the same transaction.
/// </summary>
public sealed class GoogleSignInCommand(MidxDbContext db, AuditLog audit, IOptions<MidxOptions> midx, TimeProvider time)
{
    public async Task<GoogleSignInResult> ExecuteAsync(GoogleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Email);

        var user = await db.Users.SingleOrDefaultAsync(u => u.GoogleSubject == profile.Subject, cancellationToken);

        // An address Google has not verified could belong to anyone, so it must not open (or be written onto) an account.
        if (!profile.EmailVerified)
        {
            audit.Add(AuditActions.SignInRefused, subjectUserId: user?.Id, detail: "unverified-email");
            await db.SaveChangesAsync(cancellationToken);
            return GoogleSignInResult.Refused(SignInRefusal.UnverifiedEmail, user);
        }

        if (user is { IsDisabled: true })
        {
            audit.Add(AuditActions.SignInRefused, subjectUserId: user.Id, detail: "disabled");
            await db.SaveChangesAsync(cancellationToken);
            return GoogleSignInResult.Refused(SignInRefusal.Disabled, user);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var created = user is null;
        if (user is null)
        {
            user = new User
            {
                GoogleSubject = profile.Subject,
                Email = profile.Email,
                Name = DisplayName(profile),
                CreatedAt = now,
            };
            db.Users.Add(user);
            var (personal, owner) = Workspace.PersonalFor(user.Id, now);
            db.Workspaces.Add(personal);
            db.WorkspaceMembers.Add(owner);
        }

        user.Email = profile.Email;
        user.Name = DisplayName(profile);
        user.AvatarUrl = string.IsNullOrWhiteSpace(profile.Picture) ? null : profile.Picture;
        user.LastSeenAt = now;
        if (IsConfiguredAdmin(profile.Email))
        {
            user.IsAdmin = true;
        }

        audit.Add(AuditActions.SignedIn, actorUserId: user.Id, subjectUserId: user.Id, detail: created ? "first sign-in" : null);
        await db.SaveChangesAsync(cancellationToken);
        return GoogleSignInResult.SignedIn(user, created);
    }

    private bool IsConfiguredAdmin(string email) =>
        midx.Value.Admins.Any(a => string.Equals(a.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string DisplayName(GoogleProfile profile)
    {
        var name = string.IsNullOrWhiteSpace(profile.Name) ? profile.Email : profile.Name.Trim();
        return name.Length > 200 ? name[..200] : name;
    }
}
