using FollowUpBot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpBot.IntegrationTests.Health;

/// <summary>The web app in Development with its ledger in <paramref name="localPath"/>, or on <paramref name="store"/> when given.</summary>
internal sealed class HealthApplication(string localPath, IBlobStore? store = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:LocalPath", localPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (store is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(store));
        }
    }
}
