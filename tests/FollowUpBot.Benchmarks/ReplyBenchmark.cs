using System.Diagnostics;
using System.Globalization;

using FollowUpBot.Progress;
using FollowUpBot.Testing;

namespace FollowUpBot.Benchmarks;

/// <summary>
/// The cost of the reply parser's learned fallback on the per-message path: every labelled reply of
/// tests/fixtures/replies parsed with the rules alone (the baseline) and with the rules and the classifier, in the same
/// run. learned_ratio = CPU per reply with the fallback / without; us_per_reply is with it.
/// </summary>
internal sealed class ReplyBenchmark : IBenchmark
{
    public string Name => "reply";

    public Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var rows = Directory.GetFiles(RepoPaths.Fixture("replies"), "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => ReplyLabels.Parse(File.ReadAllText(f)))
            .ToList();

        void ParseAll(ReplyClassifier? learned)
        {
            foreach (var row in rows)
            {
                ReplyParser.Parse(row.Text, row.Context, learned, ReplyLearnedPolicy.Chosen);
            }
        }

        double Measure(ReplyClassifier? learned)
        {
            var parsed = 0;
            var cpu = TimeSpan.Zero;
            using var process = Process.GetCurrentProcess();
            while (cpu < TimeSpan.FromSeconds(1))
            {
                cancellationToken.ThrowIfCancellationRequested();
                process.Refresh();
                var before = process.TotalProcessorTime;
                ParseAll(learned);
                process.Refresh();
                cpu += process.TotalProcessorTime - before;
                parsed += rows.Count;
            }

            return cpu.TotalMilliseconds * 1000 / parsed;
        }

        // Warm both paths up (tiered JIT, regex caches), then alternate the two so load on a shared machine hits both alike.
        for (var i = 0; i < 5; i++)
        {
            ParseAll(null);
            ParseAll(ReplyClassifier.Default);
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));
        var rulesRuns = new List<double>();
        var learnedRuns = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            rulesRuns.Add(Measure(null));
            learnedRuns.Add(Measure(ReplyClassifier.Default));
        }

        rulesRuns.Sort();
        learnedRuns.Sort();
        var rules = rulesRuns[rulesRuns.Count / 2];
        var learned = learnedRuns[learnedRuns.Count / 2];
        var folded = rows.Select(r => ReplyText.Fold(r.Text)).ToList();
        var probabilities = new double[ReplyClassifier.Classes];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        foreach (var text in folded)
        {
            ReplyClassifier.Default.Predict(text, probabilities);
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)folded.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} labelled replies: rules alone {rules:0.0} us/reply, rules + classifier {learned:0.0} us/reply, {allocated:0} B allocated per classification"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reply: us_per_reply={learned:0.0} learned_ratio={learned / rules:0.00}"));
        return Task.FromResult(0);
    }
}
