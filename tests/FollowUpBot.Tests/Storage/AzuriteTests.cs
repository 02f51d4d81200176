using Azure.Storage.Queues;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Storage;

/// <summary>The shared Azurite fixture (tests/Shared/Azurite.cs) as other suites will use it.</summary>
[Trait("Category", "Integration")]
public sealed class AzuriteTests
{
    [Fact]
    public async Task WithTheQueueServiceAQueueRoundTripsAMessage()
    {
        await using var azurite = await Azurite.StartAsync(withQueue: true);
        var queue = new QueueClient(azurite.ConnectionString, "fixture-check");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("hello");
        var received = await queue.ReceiveMessageAsync();

        Assert.NotEqual(0, azurite.QueuePort);
        Assert.Equal("hello", received.Value.MessageText);
    }

    [Fact]
    public async Task AQueueMessageSurvivesAStopAndRestart()
    {
        await using var azurite = await Azurite.StartAsync(withQueue: true);
        var queue = new QueueClient(azurite.ConnectionString, "kept");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("kept");

        await azurite.StopAsync();
        await azurite.RestartAsync();

        Assert.Equal("kept", (await new QueueClient(azurite.ConnectionString, "kept").ReceiveMessageAsync()).Value.MessageText);
    }

    [Fact]
    public async Task DisposingStopsTheEmulatorAndRemovesItsFolder()
    {
        var azurite = await Azurite.StartAsync();
        var location = azurite.Location;
        Assert.True(azurite.IsRunning);

        await azurite.DisposeAsync();

        Assert.False(azurite.IsRunning);
        Assert.False(Directory.Exists(location));
    }
}
