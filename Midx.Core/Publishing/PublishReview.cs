using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>The rules and words of review before send that more than one command shares.</summary>
public static class PublishReview
{
    /// <summary>What the workspace setting does, as the settings form and the policy pages say it.</summary>
    public const string SettingExplained =
        "A post an Editor composes waits for a Publisher or an Owner to approve it or send it back before it goes to TikTok; "
        + "an edit after approval needs approval again. Posts already awaiting review still wait when this is switched off.";

    /// <summary>A post waiting for people whose video the sweeper deleted meanwhile: what approving or editing it says.</summary>
    public const string VideoGone = "The video of this post is no longer kept, so it cannot be sent. Cancel it, and compose it again with the video.";

    /// <summary>A send-back comment, as the post page and the review panel allow it.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>An edit of a scheduled post closer to its time than this is refused: a worker may be about to send it.</summary>
    public static readonly TimeSpan EditMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How a post's history names who acted on it: "you" in the person's own workspace, as it always said; by name in a
    /// shared one, whose other members read it too; an API key by its name.
    /// </summary>
    internal static async Task<string> ActorNameAsync(this MidxDbContext db, PostActor actor, PublishJob job, CancellationToken cancellationToken)
    {
        if (actor.ApiKeyId is { } keyId)
        {
            return ApiKeyName(await db.ApiKeys.Where(k => k.Id == keyId).Select(k => k.Name).SingleAsync(cancellationToken));
        }

        return job.WorkspaceId == actor.UserId
            ? "you"
            : await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Name).SingleAsync(cancellationToken);
    }

    /// <summary>How pages and histories name an API key that acted on a post.</summary>
    public static string ApiKeyName(string keyName) => $"API key “{keyName}”";
}
