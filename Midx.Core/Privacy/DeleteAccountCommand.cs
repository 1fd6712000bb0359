using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Core.Privacy;

/// <summary>
/// Erases a user (privacy promise 12, listed on /privacy). A shared workspace they are the only Owner of, with other
/// members, must first be passed to another Owner: nothing is deleted until then. Every TikTok account of the workspaces
/// that go with them (their personal one, and shared ones with no other member) is disconnected (revoked at TikTok when
/// it can be, best effort), then every row about the user goes in one transaction — those workspaces with their jobs,
/// history and consents, link states, memberships, audit events naming them — while the shared workspaces they leave
/// keep their posts and accounts, no longer naming them; the database files are scrubbed of the deleted bytes, and their
/// media folder is removed. Deleting the user row also changes nothing a cookie could match, so every session ends on its next request.
/// What stays is one anonymous audit line.
/// </summary>
public sealed class DeleteAccountCommand(
    MidxDbContext db,
    DisconnectTikTokAccountCommand disconnect,
    AuditLog audit,
    MediaStore media,
    ScrubDeletedBytesCommand scrub,
    ILogger<DeleteAccountCommand> logger)
{
    /// <summary>Whether what the person typed to confirm is their account's email address (case and spaces aside).</summary>
    public static bool ConfirmsEmail(string accountEmail, string typedEmail) =>
        string.Equals(accountEmail.Trim(), typedEmail.Trim(), StringComparison.OrdinalIgnoreCase);

    public async Task<DeleteAccountResult> ExecuteAsync(Guid userId, string typedEmail, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return new DeleteAccountResult(DeleteAccountOutcome.NotFound, 0, 0);
        }

        if (!ConfirmsEmail(email, typedEmail))
        {
            return new DeleteAccountResult(DeleteAccountOutcome.EmailMismatch, 0, 0);
        }

        var owned = await db.LastOwnedWithOthers(userId).OrderBy(w => w.Name).Select(w => w.Name).ToListAsync(cancellationToken);
        if (owned.Count > 0)
        {
            return new DeleteAccountResult(DeleteAccountOutcome.PassOwnershipFirst, 0, 0, owned);
        }

        var accountIds = await db.TikTokAccounts.Where(a => db.WorkspacesOnlyOf(userId).Contains(a.WorkspaceId)).Select(a => a.Id).ToListAsync(cancellationToken);
        var revoked = 0;
        foreach (var accountId in accountIds)
        {
            var result = await disconnect.ExecuteAsync(userId, accountId, TikTokDisconnectPurpose.UserDeleted, cancellationToken);
            revoked += result.Outcome == TikTokDisconnectOutcome.Revoked ? 1 : 0;
        }

        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The workspaces only they are in go with them, and with those their jobs, events, consents and accounts;
            // link states and memberships go with the user through cascading foreign keys.
            await db.AuditEvents.Where(e => e.ActorUserId == userId || e.SubjectUserId == userId).ExecuteDeleteAsync(cancellationToken);
            var theirs = await db.WorkspacesOnlyOf(userId).ToListAsync(cancellationToken);
            await db.Workspaces.Where(w => theirs.Contains(w.Id)).ExecuteDeleteAsync(cancellationToken);
            // What stays in shared workspaces no longer names them: posts and accounts through their foreign keys, consents here.
            await db.ConsentRecords.Where(c => c.UserId == userId).ExecuteUpdateAsync(c => c.SetProperty(x => x.UserId, (Guid?)null), cancellationToken);
            await db.ConsentRecords.Where(c => c.ApprovedByUserId == userId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.ApprovedByUserId, (Guid?)null), cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
            audit.Add(AuditActions.AccountDeleted, detail: $"An account was deleted; {accountIds.Count} TikTok account(s) disconnected, {revoked} revoked at TikTok.");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await scrub.ExecuteAsync(cancellationToken);

        // After the rows: a worker that still held one of the jobs can no longer find it to upload the file.
        var files = media.DeleteAllOf(userId);
        logger.LogInformation(
            "An account was deleted with {Accounts} linked TikTok accounts ({Revoked} revoked at TikTok) and {Files} media files",
            accountIds.Count, revoked, files);
        return new DeleteAccountResult(DeleteAccountOutcome.Deleted, accountIds.Count, revoked);
    }
}

/// <param name="OwnedWorkspaces">With <see cref="DeleteAccountOutcome.PassOwnershipFirst"/>: the shared workspaces that need another Owner first.</param>
public sealed record DeleteAccountResult(DeleteAccountOutcome Outcome, int TikTokAccounts, int RevokedAtTikTok, IReadOnlyList<string>? OwnedWorkspaces = null);

public enum DeleteAccountOutcome
{
    Deleted,
    EmailMismatch,
    PassOwnershipFirst,
    NotFound,
}
