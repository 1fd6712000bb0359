using Midx.Core.Privacy;
using Midx.Core.Workspaces;

namespace Midx.Tests.Workspaces;

public sealed class InvitationSecretTests
{
    [Fact]
    public void Redact_RequestLineWithAnInvitationLink_MasksTheSecret()
    {
        var secret = InvitationSecret.New();

        var logged = new SecretRedactor().Redact($"Request starting HTTP/1.1 GET http://127.0.0.1:5000/invitations/{secret} - - -");

        Assert.Equal("Request starting HTTP/1.1 GET http://127.0.0.1:5000/invitations/[redacted] - - -", logged);
    }

    [Fact]
    public void Redact_SignInReturnAddressWithAnInvitationLink_MasksTheSecret()
    {
        var secret = InvitationSecret.New();

        var logged = new SecretRedactor().Redact($"GET /signin?returnUrl=%2Finvitations%2F{secret} 200");

        Assert.DoesNotContain(secret, logged);
        Assert.Contains("%2Finvitations%2F[redacted]", logged);
    }

    [Fact]
    public void Hash_Secret_IsItsSha256InLowerCaseHex()
    {
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", InvitationSecret.Hash("hello"));
    }

    [Fact]
    public void Mask_InvitedEmail_KeepsTheFirstLetterAndTheDomain()
    {
        Assert.Equal("g…@example.com", InvitationResult.Mask("grace@example.com"));
    }
}
