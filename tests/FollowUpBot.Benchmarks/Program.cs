using FollowUpBot.Benchmarks;

// dotnet run -c Release --project tests/FollowUpBot.Benchmarks -- NAME
// Each benchmark prints its result as a final line "NAME: key=value …" (DESIGN.md, "Benchmarks").
IReadOnlyList<IBenchmark> benchmarks =
[
    new LedgerBenchmark(),
    new ExtractBenchmark(),
    new SummaryBenchmark(),
    new ReportBenchmark(),
    new ScaleBenchmark(),
    new FanoutBenchmark(),
    new ReplyBenchmark(),
];

var name = args.FirstOrDefault();
var benchmark = benchmarks.FirstOrDefault(b => b.Name == name);
if (benchmark is null)
{
    Console.Error.WriteLine($"usage: FollowUpBot.Benchmarks NAME [args]; NAME is one of: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

return await benchmark.RunAsync(args[1..], Console.Out, CancellationToken.None).ConfigureAwait(false);
