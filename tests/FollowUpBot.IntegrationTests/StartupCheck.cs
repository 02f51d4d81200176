using FollowUpBot.Assist;
using FollowUpBot.FollowUp;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowUpBot.IntegrationTests;

/// <summary>
/// Starts the app's registrations in a plain host to see a configuration refused at start. (WebApplicationFactory
/// races with the app's own disposal when startup fails, and sometimes reports that instead of the reason.)
/// </summary>
internal static class StartupCheck
{
    public static async Task<OptionsValidationException> RefusedAsync(string environment, params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        // The app's seed directory is a path relative to its own folder, not this one; the directory is not what these checks are about.
        builder.Configuration.AddInMemoryCollection([new("FollowUp:DirectoryPath", string.Empty)]);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddLedgerStorage();
        builder.AddTeamsProtocol();
        builder.AddFollowUp();
        builder.AddAssist();
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return error;
    }
}
