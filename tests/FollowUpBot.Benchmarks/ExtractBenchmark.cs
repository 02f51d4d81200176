using System.Diagnostics;
using System.Globalization;
using System.Text;
using FollowUpBot.Directives;
using FollowUpBot.Testing;

namespace FollowUpBot.Benchmarks;

/// <summary>
/// Extraction throughput on 0.1, 1 and 10 MB meeting texts built from the labelled fixtures (their paragraphs repeated
/// with varied numbers, dates and units). linear = throughput at 10 MB / throughput at 0.1 MB: 1.0 means no super-linear work.
/// </summary>
internal sealed class ExtractBenchmark : IBenchmark
{
    private const int Megabyte = 1024 * 1024;

    private static readonly string[] Units = ["市发展改革委", "市财政局", "市教育局", "市公安局", "市住房和城乡建设局", "各区人民政府", "市卫生健康委", "市应急管理局"];

    public string Name => "extract";

    public Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var paragraphs = LoadParagraphs();
        var extractor = new DirectiveExtractor();
        var meeting = new DateOnly(2026, 3, 2);

        // Warm up on many small calls (tiered JIT promotes a method after 30 calls) and a few large ones, then give the
        // background compiler time to finish, so no size is charged for compilation.
        var warmUp = Build(paragraphs, Megabyte / 10);
        for (var i = 0; i < 300; i++)
        {
            extractor.Extract(warmUp, meeting);
        }

        extractor.Extract(Build(paragraphs, Megabyte), meeting);
        Thread.Sleep(TimeSpan.FromSeconds(2));

        var results = new Dictionary<double, double>();
        foreach (var megabytes in new[] { 0.1, 1.0, 10.0 })
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = Build(paragraphs, (int)(megabytes * Megabyte));
            var bytes = Encoding.UTF8.GetByteCount(text);
            var times = new List<double>();
            var count = 0;
            var allocated = 0L;
            var cpu = TimeSpan.Zero;

            // Throughput is CPU time per byte (one core's work), so other builds on a shared machine do not distort it.
            // CPU time is sampled in clock ticks, hence enough runs to add up to a few seconds of it.
            for (var total = Stopwatch.StartNew(); times.Count < 3 || (cpu < TimeSpan.FromSeconds(2) && times.Count < 2000 && total.Elapsed < TimeSpan.FromSeconds(60));)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var cpuBefore = ProcessorTime();
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                count = extractor.Extract(text, meeting).Count;
                times.Add(watch.Elapsed.TotalSeconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                cpu += ProcessorTime() - cpuBefore;
            }

            times.Sort();
            var median = times[times.Count / 2];
            var cpuPerRun = cpu.TotalSeconds / times.Count;
            var mbps = bytes / (double)Megabyte / cpuPerRun;
            results[megabytes] = mbps;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{megabytes,5:0.0} MB: {bytes,10:N0} bytes, {count,7:N0} directives, {times.Count,4} runs, CPU {cpuPerRun * 1000,8:0.0} ms/run ({mbps,6:0.00} MB/s), wall median {median * 1000,8:0.0} ms, {allocated / (double)bytes,5:0.0} B allocated per input byte"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extract: mbps={results[10.0]:0.00} linear={results[10.0] / results[0.1]:0.00}"));
        return Task.FromResult(0);
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static List<string> LoadParagraphs()
    {
        var folder = RepoPaths.Fixture("eval");
        var paragraphs = new List<string>();
        foreach (var file in Directory.GetFiles(folder).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            paragraphs.AddRange(File.ReadAllLines(file).Where(l => l.Trim().Length > 0));
        }

        return paragraphs;
    }

    /// <summary>Meeting text of about <paramref name="targetBytes"/> UTF-8 bytes; each copy of a paragraph differs in its numbers and units.</summary>
    private static string Build(List<string> paragraphs, int targetBytes)
    {
        var builder = new StringBuilder(targetBytes);
        var bytes = 0;
        for (var i = 0; bytes < targetBytes; i++)
        {
            var paragraph = paragraphs[i % paragraphs.Count];
            var round = i / paragraphs.Count;
            if (round > 0)
            {
                paragraph = paragraph
                    .Replace("市财政局", Units[round % Units.Length], StringComparison.Ordinal)
                    .Replace("3月", string.Create(CultureInfo.InvariantCulture, $"{(round % 12) + 1}月"), StringComparison.Ordinal)
                    .Replace("5个工作日", string.Create(CultureInfo.InvariantCulture, $"{(round % 9) + 2}个工作日"), StringComparison.Ordinal)
                    .Replace("2026", string.Create(CultureInfo.InvariantCulture, $"{2026 + (round % 3)}"), StringComparison.Ordinal);
            }

            builder.Append(paragraph).Append('\n');
            bytes += Encoding.UTF8.GetByteCount(paragraph) + 1;
        }

        return builder.ToString();
    }
}
