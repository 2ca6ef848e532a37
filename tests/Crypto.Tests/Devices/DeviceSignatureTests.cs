using System.Security.Cryptography;
using System.Text;
using Daarion.Crypto.Devices;

namespace Daarion.Crypto.Tests.Devices;

public sealed class DeviceSignatureTests
{
    private static readonly byte[] Reading = Encoding.UTF8.GetBytes("""{"site_id":"s-1","kwh":"12.500","ts":"2025-03-01T12:00:00Z"}""");

    [Fact]
    public void Ed25519Device_ReadingSignedByItsKey_Verifies()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var device = new DeviceSignature(DeviceKeyType.Ed25519, Ed25519.GetPublicKey(secret));
        var signature = Ed25519.Sign(secret, Reading);

        Assert.True(device.Verify(Reading, signature));
        Assert.False(device.Verify(Reading.AsSpan(1), signature));
        Assert.False(device.Verify(Reading, Ed25519.Sign(RandomNumberGenerator.GetBytes(32), Reading)));
    }

    [Fact]
    public void HmacDevice_ReadingTaggedWithItsKey_Verifies()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var device = new DeviceSignature(DeviceKeyType.HmacSha256, key);
        var tag = HMACSHA256.HashData(key, Reading);

        Assert.True(device.Verify(Reading, tag));
        Assert.False(device.Verify(Reading, HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Reading)));
        Assert.False(device.Verify([.. Reading, (byte)' '], tag));
        Assert.False(device.Verify(Reading, tag[..16]));
        Assert.False(device.Verify(Reading, []));
    }

    [Theory]
    [InlineData(DeviceKeyType.Ed25519, 31)]
    [InlineData(DeviceKeyType.Ed25519, 33)]
    [InlineData(DeviceKeyType.HmacSha256, 15)]
    [InlineData(DeviceKeyType.HmacSha256, 0)]
    public void Constructor_WithKeyOfWrongSize_Throws(DeviceKeyType type, int length)
    {
        Assert.Throws<ArgumentException>(() => new DeviceSignature(type, new byte[length]));
    }

    [Fact]
    public void Constructor_WithUnknownKeyType_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceSignature((DeviceKeyType)42, new byte[32]));
    }
}
