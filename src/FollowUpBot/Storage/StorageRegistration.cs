using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Storage;

internal static class StorageRegistration
{
    /// <summary>The ledger's storage: Azure Blob Storage when configured, else a local folder (the embedded default).</summary>
    public static IHostApplicationBuilder AddLedgerStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.ConnectionString) || o.AccountUrl is null,
                "Set Storage:ConnectionString or Storage:AccountUrl, not both.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IBlobStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return new LocalBlobStore(options.ResolveLocalPath(environment.ContentRootPath), sp.GetRequiredService<TimeProvider>());
        });
        return builder;
    }
}
