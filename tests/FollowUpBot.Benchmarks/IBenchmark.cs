namespace FollowUpBot.Benchmarks;

/// <summary>One named benchmark; it measures against a baseline in the same run and ends with "NAME: key=value …".</summary>
internal interface IBenchmark
{
    string Name { get; }

    Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken);
}
