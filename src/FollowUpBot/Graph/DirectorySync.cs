using FollowUpBot.Departments;
using FollowUpBot.Storage;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Graph;

/// <summary>What one sync pass did: per department, how many contacts Graph listed, or why it could not.</summary>
internal sealed record DirectorySyncResult(IReadOnlyDictionary<string, int> Synced, IReadOnlyDictionary<string, GraphCallException> Failed);

/// <summary>
/// Reads the contacts of departments linked to Entra ID — members of their <c>groupId</c> group and users whose
/// <c>department</c> attribute equals their <c>departmentAttribute</c> — and writes them into
/// <c>directory/departments.json</c> (If-Match), keeping aliases and contacts from the file or added in chat. A member
/// removed from the group is dropped, so they lose access at once. A department whose listing fails keeps its contacts.
/// </summary>
internal sealed partial class DirectorySynchronizer(DirectoryStore directory, EntraClient entra, IOptions<GraphOptions> options, ILogger<DirectorySynchronizer> logger) : IDisposable
{
    // One pass at a time on this instance (the timer and an organiser linking a group may start one together).
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool IsEnabled => options.Value.IsEnabled;

    public async Task<DirectorySyncResult> SyncOnceAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var departments = (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments.Where(d => d.IsSynced).ToList();
            var synced = new Dictionary<string, IReadOnlyList<Contact>>(StringComparer.Ordinal);
            var failed = new Dictionary<string, GraphCallException>(StringComparer.Ordinal);
            foreach (var department in departments)
            {
                try
                {
                    var contacts = new List<Contact>();
                    if (!string.IsNullOrWhiteSpace(department.GroupId))
                    {
                        contacts.AddRange((await entra.ListGroupMembersAsync(department.GroupId, cancellationToken).ConfigureAwait(false))
                            .Select(u => ToContact(u, ContactSources.Group)));
                    }

                    if (!string.IsNullOrWhiteSpace(department.DepartmentAttribute))
                    {
                        contacts.AddRange((await entra.ListUsersByDepartmentAsync(department.DepartmentAttribute, cancellationToken).ConfigureAwait(false))
                            .Select(u => ToContact(u, ContactSources.Attribute))
                            .Where(u => !contacts.Any(c => c.AadObjectId == u.AadObjectId)));
                    }

                    synced[department.Name] = contacts;
                }
                catch (GraphCallException e)
                {
                    failed[department.Name] = e;
                    LogDepartmentFailed(logger, department.Name, e.Status, e.Code);
                }
            }

            if (synced.Count > 0)
            {
                await directory.ApplySyncAsync(synced, cancellationToken).ConfigureAwait(false);
            }

            var contactCount = synced.Values.Sum(c => c.Count);
            LogSynced(logger, synced.Count, contactCount, failed.Count);
            return new DirectorySyncResult(synced.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal), failed);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static Contact ToContact(EntraUser user, string source) =>
        new(user.Id, user.DisplayName) { Source = source, Upn = user.UserPrincipalName ?? user.Mail };

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Directory sync: {Departments} departments, {Contacts} contacts from Entra ID; {Failed} failed.")]
    private static partial void LogSynced(ILogger logger, int departments, int contacts, int failed);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Directory sync of {Department} failed: Graph answered {Status} {Code}; its contacts are kept as they were.")]
    private static partial void LogDepartmentFailed(ILogger logger, string department, int status, string? code);
}

/// <summary>
/// Runs the sync every <c>FollowUp:Directory:SyncInterval</c> on one instance at a time (blob lease
/// <c>locks/directory-sync</c>); a throttled pass comes back after Graph's Retry-After instead of waiting the full interval.
/// </summary>
internal sealed partial class DirectorySyncService(
    IBlobStore store,
    DirectorySynchronizer synchronizer,
    IOptions<DirectorySyncOptions> options,
    TimeProvider time,
    ILogger<DirectorySyncService> logger) : BackgroundService
{
    public const string LockName = "locks/directory-sync";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!synchronizer.IsEnabled)
        {
            return;
        }

        try
        {
            await LeaderLease.RunAsLeaderAsync(store, LockName, TimeSpan.FromSeconds(60), LeadAsync, time, cancellationToken: stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = options.Value.SyncInterval;
            try
            {
                var result = await synchronizer.SyncOnceAsync(cancellationToken).ConfigureAwait(false);
                if (result.Failed.Values.Select(e => e.RetryAfter).Where(r => r is not null).Max() is { } retryAfter && retryAfter < wait)
                {
                    wait = retryAfter + TimeSpan.FromSeconds(1);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage or Graph down: try again at the next interval; the stored directory stays as it was.
                LogPassFailed(logger, e);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "A directory sync pass failed.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
