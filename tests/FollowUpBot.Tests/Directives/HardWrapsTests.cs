using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

/// <summary>Where a fixed-width export's line break is a wrap and where it ends something (more in the rounds' tests).</summary>
public sealed class HardWrapsTests
{
    private const string Full = "要加强对“两个责任”落实情况的监督检查，用好铁面问责这个“杀手锏”";

    [Fact]
    public void ALineStartingWithAChineseCommaIsTheSentenceAboveRunOn()
    {
        // Cut at the width just before the comma: the closing quotation mark does not end the line's sentence.
        var text = Full + "\n，对落实“两个责任”不力的，要依纪依规进行问责，以严格问责倒逼“两个责任”落实。\n";

        var read = HardWraps.Unwrap(text, out var map);

        Assert.Contains("“杀手锏”，对落实", read, StringComparison.Ordinal);
        Assert.NotNull(map);
    }

    [Fact]
    public void AFullLineEndingInAQuotationMarkStillEndsBeforeANewClause()
    {
        var text = Full + "\n对落实“两个责任”不力的，要依纪依规进行问责，以严格问责倒逼“两个责任”落实。\n";

        var read = HardWraps.Unwrap(text, out _);

        Assert.Contains("“杀手锏”\n对落实", read, StringComparison.Ordinal);
    }
}
