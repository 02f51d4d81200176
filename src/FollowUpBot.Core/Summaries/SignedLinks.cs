using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Summaries;

/// <summary>
/// Short-lived links that carry their own permission: an HMAC-SHA256 over what they open (a purpose
/// and a scope, such as <c>export</c> + a meeting id) and when they stop working. Whoever holds the
/// link may open that one thing until then; nothing else is granted.
/// </summary>
internal sealed class LinkSigner
{
    public const string ExportPurpose = "export";
    public const string DashboardPurpose = "dashboard";

    /// <summary>The scope of a dashboard link: every meeting.</summary>
    public const string AllMeetings = "*";

    private readonly byte[] _key;

    public LinkSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A link key has at least 32 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    public string Sign(string purpose, string scope, DateTimeOffset expires)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var message = Encoding.UTF8.GetBytes($"{purpose}\n{scope}\n{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        return Base64Url(HMACSHA256.HashData(_key, message));
    }

    /// <summary>The query string (without '?') that grants <paramref name="purpose"/> on <paramref name="scope"/> until <paramref name="expires"/>.</summary>
    public string Query(string purpose, string scope, DateTimeOffset expires) =>
        $"exp={expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}&sig={Sign(purpose, scope, expires)}";

    /// <summary>True when <paramref name="sig"/> was made by this key for this purpose, scope and <paramref name="exp"/>, and <paramref name="exp"/> is still ahead of <paramref name="now"/>.</summary>
    public bool Verify(string purpose, string scope, string? exp, string? sig, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig)
            || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (expires <= now)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(purpose, scope, expires));
        var given = Encoding.ASCII.GetBytes(sig);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary><c>secrets/link-key.json</c>: the key of signed links when configuration gives none (made once, create-only).</summary>
internal sealed record LinkKeyDocument : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    /// <summary>Base64 of 32 random bytes.</summary>
    public required string Key { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Where the link key comes from: configuration, else a key generated once and kept in the ledger's storage.</summary>
internal static class LinkKeys
{
    public const string BlobName = "secrets/link-key.json";

    /// <summary>The configured key (base64, at least 32 bytes) or the stored one, generating and storing it on first use.</summary>
    public static async Task<byte[]> LoadOrCreateAsync(IBlobStore store, string? configured, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Parse(configured);
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await store.GetDocumentAsync(BlobName, LinkKeyJsonContext.Default.LinkKeyDocument, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return Parse(existing.Document.Key);
            }

            var document = new LinkKeyDocument { Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = time.GetUtcNow() };
            try
            {
                await store.PutDocumentAsync(BlobName, document, LinkKeyJsonContext.Default.LinkKeyDocument, BlobCondition.CreateOnly, cancellationToken).ConfigureAwait(false);
                return Parse(document.Key);
            }
            catch (BlobConflictException e) when (e.AlreadyExists)
            {
                // Another instance stored its key first: everyone uses that one, read on the next pass.
            }
        }

        throw new InvalidOperationException($"Could not read or create the link key '{BlobName}'.");
    }

    /// <summary>A base64 key of at least 32 bytes.</summary>
    public static byte[] Parse(string key)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(key.Trim());
        }
        catch (FormatException e)
        {
            throw new FormatException("The link key is not base64.", e);
        }

        return bytes.Length >= 32 ? bytes : throw new FormatException($"The link key has {bytes.Length} bytes; it needs at least 32.");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LinkKeyDocument))]
internal sealed partial class LinkKeyJsonContext : JsonSerializerContext;
