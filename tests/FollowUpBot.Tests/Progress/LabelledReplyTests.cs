using System.Globalization;

using FollowUpBot.Progress;

using Xunit.Abstractions;

namespace FollowUpBot.Tests.Progress;

/// <summary>The parser against the hand-labelled replies of tests/fixtures/replies/replies.json.</summary>
public sealed class LabelledReplyTests(ITestOutputHelper output)
{
    [Fact]
    public void TheLabelledSetCoversBothLanguagesAndEveryTopic()
    {
        var rows = LabelledReplies.Rows;
        Assert.True(rows.Count(r => r.Language == "zh") >= 40);
        Assert.True(rows.Count(r => r.Language == "en") >= 15);
        Assert.Equal(["discipline", "education", "health", "infrastructure"], rows.Select(r => r.Topic).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EveryLabelledReplyNamesTheRightItemOrAsks(LabelledReply row)
    {
        var parsed = ReplyParser.Parse(row.Text, row.Context);

        Assert.Equal(row.Item, parsed.Item);
        Assert.Equal(row.Ambiguous, parsed.Ambiguous);
    }

    [Fact]
    public void LabelledRepliesAreReadWithAtLeast95PercentStatusAccuracy()
    {
        var rows = LabelledReplies.Rows;
        var scored = rows.Where(r => r.ScoreStatus).ToList();
        var status = 0;
        var item = 0;
        var percent = 0;
        var newDue = 0;
        foreach (var row in rows)
        {
            var parsed = ReplyParser.Parse(row.Text, row.Context);
            var wrong = new List<string>();
            if (parsed.Item == row.Item && parsed.Ambiguous == row.Ambiguous)
            {
                item++;
            }
            else
            {
                wrong.Add($"item {parsed.Item?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
            }

            if (row.ScoreStatus)
            {
                if (parsed.Status?.ToContractName() == row.Status)
                {
                    status++;
                }
                else
                {
                    wrong.Add($"status {parsed.Status?.ToContractName() ?? "null"} (expected {row.Status ?? "null"})");
                }
            }

            if (parsed.Percent == row.Percent)
            {
                percent++;
            }
            else
            {
                wrong.Add($"percent {parsed.Percent?.ToString(CultureInfo.InvariantCulture) ?? "null"} (expected {row.Percent?.ToString(CultureInfo.InvariantCulture) ?? "null"})");
            }

            if (parsed.NewDue == row.NewDue)
            {
                newDue++;
            }
            else
            {
                wrong.Add($"newDue {parsed.NewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null"} (expected {row.NewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null"})");
            }

            if (wrong.Count > 0)
            {
                output.WriteLine($"miss {row}: {string.Join("; ", wrong)}");
            }
        }

        static double Share(int hits, int of) => (double)hits / of;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"replies: n={rows.Count} status={Share(status, scored.Count):P1} ({status}/{scored.Count}) item={Share(item, rows.Count):P1} percent={Share(percent, rows.Count):P1} newDue={Share(newDue, rows.Count):P1}"));

        Assert.Equal(rows.Count, item);
        Assert.True(Share(status, scored.Count) >= 0.95, $"status accuracy {status}/{scored.Count} is below 95%");
    }

    public static TheoryData<LabelledReply> Rows() => LabelledReplies.Theory();
}
