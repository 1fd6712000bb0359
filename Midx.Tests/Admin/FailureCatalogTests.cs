using Midx.Core.Admin;
using Midx.Core.TikTok;

namespace Midx.Tests.Admin;

public sealed class FailureCatalogTests
{
    [Fact]
    public void Explain_EveryDocumentedTikTokCode_SaysSomethingSpecific()
    {
        foreach (var code in TikTokErrorCatalog.KnownCodes)
        {
            var explanation = FailureCatalog.Explain(code);
            Assert.NotEqual("A code this console does not describe yet.", explanation.Meaning);
            Assert.False(string.IsNullOrWhiteSpace(explanation.WhatToDo), code);
        }
    }

    [Fact]
    public void Explain_UnknownOrMissingCode_IsHonestAboutIt()
    {
        Assert.Equal("A code this console does not describe yet.", FailureCatalog.Explain("brand_new_code").Meaning);
        Assert.Equal(FailureCatalog.NoCode, FailureCatalog.Explain(null).Code);
    }
}
