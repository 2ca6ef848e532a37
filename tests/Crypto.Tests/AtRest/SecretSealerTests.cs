using System.Security.Cryptography;
using System.Text;
using Daarion.Crypto.AtRest;

namespace Daarion.Crypto.Tests.AtRest;

public sealed class SecretSealerTests
{
    private static readonly byte[] KeyA = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] KeyB = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    [Fact]
    public void Seal_ThenOpen_GivesTheSecretBack_AndTheSealedValueDoesNotContainIt()
    {
        var sealer = new SecretSealer(KeyA);
        var sealedValue = sealer.Seal(Secret, "row/1");

        Assert.Equal(Secret, sealer.Open(sealedValue, "row/1"));
        Assert.Equal(1 + 8 + 12 + Secret.Length + 16, sealedValue.Length);
        Assert.Equal(-1, sealedValue.AsSpan().IndexOf(Secret.AsSpan(6, 16)));
        Assert.Equal(sealer.CurrentKeyId, sealedValue[1..9]);
    }

    [Fact]
    public void Seal_UsesAFreshNonceEachTime()
    {
        var sealer = new SecretSealer(KeyA);
        Assert.NotEqual(sealer.Seal(Secret, "row/1"), sealer.Seal(Secret, "row/1"));
    }

    [Fact]
    public void Open_RefusesAnotherContext_AnAlteredValue_AndAnUnknownKey()
    {
        var sealer = new SecretSealer(KeyA);
        var sealedValue = sealer.Seal(Secret, "row/1");

        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(sealedValue, "row/2"));
        for (var i = 0; i < sealedValue.Length; i++)
        {
            var altered = sealedValue.ToArray();
            altered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => sealer.Open(altered, "row/1"));
        }
        Assert.ThrowsAny<CryptographicException>(() => new SecretSealer(KeyB).Open(sealedValue, "row/1"));
        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(Secret, "row/1"));
        Assert.ThrowsAny<CryptographicException>(() => sealer.Open([], "row/1"));
    }

    [Fact]
    public void AfterARotation_ThePreviousKeyStillOpens_AndNewValuesAreSealedUnderTheNewKey()
    {
        var old = new SecretSealer(KeyA);
        var sealedBefore = old.Seal(Secret, "row/1");
        var rotated = new SecretSealer(KeyB, [KeyA]);

        Assert.Equal(Secret, rotated.Open(sealedBefore, "row/1"));
        Assert.NotEqual(rotated.CurrentKeyId, sealedBefore[1..9]);
        var sealedAfter = rotated.Seal(Secret, "row/1");
        Assert.Equal(rotated.CurrentKeyId, sealedAfter[1..9]);
        Assert.ThrowsAny<CryptographicException>(() => old.Open(sealedAfter, "row/1"));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Keys_MustBe32Bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => new SecretSealer(new byte[length]));
        Assert.Throws<ArgumentException>(() => new SecretSealer(KeyA, [new byte[length]]));
    }
}
