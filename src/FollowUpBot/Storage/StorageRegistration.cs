using FollowUpBot.Ledger;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Storage;

internal static class StorageRegistration
{
    /// <summary>
    /// The ledger and its storage: Azure Blob Storage when <c>Storage:ConnectionString</c> or
    /// <c>Storage:AccountUrl</c> is set, else a local folder (the embedded default); the options are
    /// checked at start, so a bad setting stops the app with a message naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddLedgerStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<IBlobStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.UsesAzure)
            {
                return AzureBlobStore.Create(options);
            }

            var environment = sp.GetRequiredService<IHostEnvironment>();
            return new LocalBlobStore(options.ResolveLocalPath(environment.ContentRootPath), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalBlobStore>>());
        });
        builder.Services.AddSingleton<MeetingLedger>();
        builder.Services.AddHostedService<LedgerReconciler>();
        return builder;
    }

    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
