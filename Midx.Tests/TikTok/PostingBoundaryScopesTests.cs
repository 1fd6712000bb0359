using Midx.Core.TikTok;

namespace Midx.Tests.TikTok;

/// <summary>What an installation asks TikTok for, and what it calls missing, with and without the inbox-drafts boundary.</summary>
public sealed class PostingBoundaryScopesTests
{
    [Fact]
    public void ScopeList_InboxDraftsOnly_LeavesOutOnlyTheDirectPostScope()
    {
        var both = new TikTokOptions();
        var drafts = new TikTokOptions { InboxDraftsOnly = true };

        Assert.Contains(TikTokScopes.VideoPublish, both.ScopeList);
        Assert.Equal(both.ScopeList.Where(s => s != TikTokScopes.VideoPublish), drafts.ScopeList);
    }

    [Fact]
    public void Problem_InboxDraftsOnlyWithoutTheUploadScope_NamesTheScopeItNeeds()
    {
        var options = new TikTokOptions { InboxDraftsOnly = true, Scopes = "user.info.basic,video.publish" };

        Assert.Contains(TikTokScopes.VideoUpload, options.Problem());
        Assert.Null(new TikTokOptions { InboxDraftsOnly = true }.Problem());
    }

    [Fact]
    public void Missing_AnAccountWithoutDirectPost_IsMissingItOnlyWhereMidxAsksForIt()
    {
        string[] granted = [TikTokScopes.UserInfoBasic, TikTokScopes.UserInfoProfile, TikTokScopes.VideoUpload, TikTokScopes.VideoList];

        Assert.Equal([TikTokScopes.VideoPublish], TikTokScopes.Missing(new TikTokOptions().ScopeList, granted).Select(s => s.Scope));
        Assert.Empty(TikTokScopes.Missing(new TikTokOptions { InboxDraftsOnly = true }.ScopeList, granted));
    }

    [Fact]
    public void Uses_TheScopesAsked_ListsTheirFeaturesInTheCatalogueOrder()
    {
        var uses = TikTokScopes.Uses(new TikTokOptions { InboxDraftsOnly = true }.ScopeList);

        Assert.Equal(["Profile", "Username", "Drafts", "Published videos"], uses.Select(u => u.Feature));
    }
}
