using FollowUpBot.FollowUp;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Graph;

/// <summary>
/// Proactive installation (as Company Communicator does): installs the app from the organisation's catalog
/// (<c>FollowUp:TeamsAppCatalogId</c>) for a user who never opened it — 409 means it already was — then reads the
/// 1:1 chat between the user and the app. 403 (consent), 404 (no such user) and 429 (Retry-After) come back as the
/// matching <see cref="UnreachableReason"/> so the organiser is told why and what happens next.
/// </summary>
internal sealed partial class TeamsAppInstaller(EntraClient entra, IOptions<GraphOptions> graph, IOptions<FollowUpOptions> followUp, ILogger<TeamsAppInstaller> logger) : IPersonalChatProvisioner
{
    public async Task<string?> ProvisionAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken = default)
    {
        var catalogId = followUp.Value.TeamsAppCatalogId;
        if (!graph.Value.IsEnabled || string.IsNullOrWhiteSpace(catalogId))
        {
            throw new RecipientUnreachableException(UnreachableReason.InstallNotConfigured, "Proactive installation needs Microsoft Graph and FollowUp:TeamsAppCatalogId.");
        }

        try
        {
            var installed = await entra.InstallAppAsync(aadObjectId, catalogId, cancellationToken).ConfigureAwait(false);
            LogInstalled(logger, aadObjectId, installed);
            var installation = await entra.FindInstallationAsync(aadObjectId, catalogId, cancellationToken).ConfigureAwait(false);
            return installation is null ? null : await entra.GetChatIdAsync(aadObjectId, installation, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphCallException e)
        {
            LogFailed(logger, aadObjectId, e.Status, e.Code);
            throw new RecipientUnreachableException(
                e.Failure switch
                {
                    GraphFailure.Forbidden => UnreachableReason.InstallForbidden,
                    GraphFailure.NotFound => UnreachableReason.UserNotFound,
                    GraphFailure.Throttled => UnreachableReason.Throttled,
                    _ => UnreachableReason.NoConversationReference,
                },
                $"Installing the app for {aadObjectId} failed: {e.Message}",
                e)
            { RetryAfter = e.RetryAfter ?? (e.Failure == GraphFailure.Throttled ? TimeSpan.FromSeconds(30) : null) };
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Installed the app for {AadObjectId} (new installation: {New}).")]
    private static partial void LogInstalled(ILogger logger, string aadObjectId, bool @new);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Installing the app for {AadObjectId} failed: Graph answered {Status} {Code}.")]
    private static partial void LogFailed(ILogger logger, string aadObjectId, int status, string? code);
}
