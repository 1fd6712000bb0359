namespace Midx.Core.Errors;

public static partial class ErrorCatalog
{
    // Making a connect link through the API (Midx.App/Api/ConnectApiEndpoints.cs), each a problem details response.
    public static readonly ErrorCode ConnectAppUnknown = MidxCode("connect_app_unknown",
        "The workspace of this key has no API app with this id.",
        "Use the id an Owner sees on the API apps card of the workspace's page.",
        "A connect link request named an app that is not its key's workspace's.");

    public static readonly ErrorCode ConnectRedirectUnregistered = MidxCode("connect_redirect_unregistered",
        "This redirect URL is not registered for the app.",
        "Register it on the API apps card of the workspace's page, exactly as you send it (scheme, host, port, path and query).",
        "A connect link request, or a link's return, named a redirect URL its app does not list (exact match).");

    // The hosted connect page (Midx.App/Connect): what the person who opened a link is told when it cannot go on.
    public static readonly ErrorCode ConnectLinkUnknown = MidxCode("connect_link_unknown",
        "This connect link does not exist.",
        "Check that the whole link was opened, or go back to the app that sent you here and start again.",
        "Someone opened a connect link whose secret matches none (mistyped, or its app was deleted).");

    public static readonly ErrorCode ConnectLinkUsed = MidxCode("connect_link_used",
        "This connect link has been used already.",
        "Each link works once. Go back to the app that sent you here and start again: it makes a new link.",
        "A connect link was opened, or came back from TikTok, after it was spent.");

    public static readonly ErrorCode ConnectLinkExpired = MidxCode("connect_link_expired",
        "This connect link has expired.",
        "Go back to the app that sent you here and start again: it makes a new link.",
        "A connect link was opened after Midx:Connect:LinkLifetime, or its TikTok authorization took longer than TikTok:LinkStateLifetime.");

    public static readonly ErrorCode ConnectStateInvalid = MidxCode("connect_state_invalid",
        "Midx could not verify this answer from TikTok.",
        "No account was linked. Go back to the app that sent you here and start again.",
        "A TikTok callback came with a state Midx did not give out, or gave out and saw used (possible forgery or a replay).");

    // Sent back to the app's redirect URL as error, when the person came back from TikTok without a linked account.
    public static readonly ErrorCode ConnectDeclined = MidxCode("connect_declined",
        "The person did not give permission at TikTok.",
        "Nothing was linked. Offer them to try again with a new connect link.",
        "The end user cancelled at TikTok, or TikTok reported access denied.");

    public static readonly ErrorCode ConnectTikTokFailed = MidxCode("connect_tiktok_failed",
        "TikTok did not complete the link.",
        "Nothing was linked. Try again in a few minutes with a new connect link.",
        "TikTok refused or could not be reached while a connect link was completed; the log names TikTok's code.", retryable: true);

    public static readonly ErrorCode ConnectLinkedElsewhere = MidxCode("connect_linked_elsewhere",
        "This TikTok account is already linked in another Midx workspace.",
        "A TikTok account can be linked in one workspace at a time; it has to be disconnected there first.",
        "A connect link brought back a TikTok account that belongs to another workspace.");
}
