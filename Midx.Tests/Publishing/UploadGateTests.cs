using Microsoft.Extensions.Options;
using Midx.App.Publishing;
using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

public sealed class UploadGateTests
{
    [Fact]
    public void TryEnter_MoreThanConcurrentQuota_RefusesUntilOneEnds()
    {
        using var gate = new UploadGate(Options.Create(new PublishingOptions { MaxConcurrentUploadsPerUser = 2, UploadsPerHour = 100 }));
        var user = Guid.NewGuid();

        var first = gate.TryEnter(user);
        var second = gate.TryEnter(user);
        var third = gate.TryEnter(user);

        Assert.NotNull(first.Pass);
        Assert.NotNull(second.Pass);
        Assert.Null(third.Pass);
        Assert.Equal("too_many_uploads_at_once", third.Refusal?.Code.Value);
        Assert.Contains("2 uploads in progress", third.Refusal?.Message);

        first.Pass!.Dispose();
        var fourth = gate.TryEnter(user);
        Assert.NotNull(fourth.Pass);
    }

    [Fact]
    public void TryEnter_MoreThanHourlyRate_RefusesWithRateLimitedAndRetryAfter()
    {
        using var gate = new UploadGate(Options.Create(new PublishingOptions { MaxConcurrentUploadsPerUser = 5, UploadsPerHour = 3 }));
        var user = Guid.NewGuid();

        for (var i = 0; i < 3; i++)
        {
            var (pass, refusal, _) = gate.TryEnter(user);
            Assert.Null(refusal);
            pass!.Dispose();
        }

        var refused = gate.TryEnter(user);

        Assert.Null(refused.Pass);
        Assert.Equal("upload_rate_limited", refused.Refusal?.Code.Value);
        Assert.NotNull(refused.RetryAfter);
    }

    [Fact]
    public void TryEnter_OneUserAtQuota_OtherUserStillUploads()
    {
        using var gate = new UploadGate(Options.Create(new PublishingOptions { MaxConcurrentUploadsPerUser = 1, UploadsPerHour = 1 }));
        var busy = Guid.NewGuid();
        _ = gate.TryEnter(busy);

        Assert.NotNull(gate.TryEnter(busy).Refusal);
        Assert.NotNull(gate.TryEnter(Guid.NewGuid()).Pass);
    }
}
