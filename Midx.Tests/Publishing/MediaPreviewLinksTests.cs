using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class MediaPreviewLinksTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly MediaPreviewLinks _links;
    private readonly Guid _owner = Guid.NewGuid();
    private readonly Guid _media = Guid.NewGuid();

    public MediaPreviewLinksTests() =>
        _links = new MediaPreviewLinks(new EphemeralDataProtectionProvider(), _time, Options.Create(new PublishingOptions { PreviewLinkMinutes = 30 }));

    [Fact]
    public void IsValid_OwnerWithinLifetime_IsTrue()
    {
        var token = TokenOf(_links.CreateUrl(_owner, _media));

        Assert.True(_links.IsValid(token, _owner, _media));
    }

    [Fact]
    public void IsValid_AnotherUserOrAnotherVideo_IsFalse()
    {
        var token = TokenOf(_links.CreateUrl(_owner, _media));

        Assert.False(_links.IsValid(token, Guid.NewGuid(), _media));
        Assert.False(_links.IsValid(token, _owner, Guid.NewGuid()));
    }

    [Fact]
    public void IsValid_AfterLifetime_IsFalse()
    {
        var token = TokenOf(_links.CreateUrl(_owner, _media));

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.False(_links.IsValid(token, _owner, _media));
    }

    [Fact]
    public void IsValid_TamperedOrMissingToken_IsFalse()
    {
        var token = TokenOf(_links.CreateUrl(_owner, _media));

        Assert.False(_links.IsValid(token[..^2] + "AA", _owner, _media));
        Assert.False(_links.IsValid(null, _owner, _media));
    }

    [Fact]
    public void CreateUrl_PointsAtThePreviewEndpointOfThatVideo()
    {
        var url = _links.CreateUrl(_owner, _media);

        Assert.StartsWith($"/publishing/uploads/{_media:N}/preview?t=", url);
    }

    private static string TokenOf(string url) => Uri.UnescapeDataString(url[(url.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);
}
