namespace FollowUpBot.Testing;

/// <summary>
/// Waits for work the app does off the request path (the projector applying records, card updates): polls an
/// observable condition until it holds or the timeout passes, and says what it waited for when it does not.
/// </summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        using var deadline = new CancellationTokenSource(timeout);
        T? last = default;
        while (true)
        {
            last = await probe().ConfigureAwait(false);
            if (done(last))
            {
                return last!;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}; it did not happen.");
            }
        }
    }

    public static Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        WaitForAsync(async () => (bool?)await condition().ConfigureAwait(false), b => b == true, timeout, what);
}
