using FollowUpBot.Storage;

namespace FollowUpBot.Tests.Storage;

/// <summary>How ids become path segments: stored data keeps its names, long ids are hashed, nothing collides.</summary>
public sealed class BlobNamesTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1", "19~3Aabc~40thread.tacv2~3Bmessageid~3D1")]
    [InlineData("a:1xyz/../b", "a~3A1xyz~2F..~2Fb")]
    [InlineData("00000000-0000-0000-0000-000000000021", "00000000-0000-0000-0000-000000000021")]
    [InlineData("20260915-9a5ecf22e", "20260915-9a5ecf22e")]
    [InlineData("2026-10-08-cron-0800", "2026-10-08-cron-0800")]
    [InlineData("会议", "~E4~BC~9A~E8~AE~AE")]
    [InlineData(".", "~2E")]
    [InlineData("..", "~2E~2E")]
    public void NamesOfNormalIdsAreTheOnesAlreadyStored(string id, string segment)
    {
        Assert.Equal(segment, BlobNames.Segment(id));
        Assert.Equal(id, BlobNames.DecodeSegment(segment));
    }

    [Fact]
    public void AnIdUpToTheLimitIsWrittenAsIsAndOneCharacterMoreIsHashed()
    {
        var longest = new string('a', BlobNames.MaxPlainSegment);

        Assert.Equal(longest, BlobNames.Segment(longest));
        var hashed = BlobNames.Segment(longest + "a");
        Assert.True(BlobNames.IsHashed(hashed));
        Assert.StartsWith("aaaa", hashed, StringComparison.Ordinal);
        Assert.True(hashed.Length <= BlobNames.MaxPlainSegment);
        Assert.Throws<FormatException>(() => BlobNames.DecodeSegment(hashed));
    }

    [Fact]
    public void LongIdsThatShareABeginningGetDifferentNamesAndTheSameIdTheSameName()
    {
        var prefix = string.Concat(Enumerable.Repeat("😀", 200));

        var one = BlobNames.Segment(prefix + "1");
        var two = BlobNames.Segment(prefix + "2");

        Assert.NotEqual(one, two);
        Assert.Equal(one, BlobNames.Segment(prefix + "1"));
        // The kept beginning never ends inside an escape.
        Assert.Matches("^(~[0-9A-F]{2})+~~[0-9a-f]{40}$", one);
    }

    [Fact]
    public void ATrailingDotIsEscapedSoNoBackendDropsIt()
    {
        Assert.Equal("abc~2E", BlobNames.Segment("abc."));
        Assert.Equal("a~3A1xyz~2F..~2F.~2E", BlobNames.Segment("a:1xyz/../.."));
        Assert.Equal("abc.", BlobNames.DecodeSegment(BlobNames.Segment("abc.")));
    }
}
