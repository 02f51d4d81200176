using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;

namespace FollowUpBot.Cli;

/// <summary>Labelled meeting texts on disk: NAME.txt|.md|.docx|.pdf beside NAME.labels.json, one folder per batch.</summary>
internal static class LabelledFolders
{
    private static readonly string[] TextExtensions = [".txt", ".md", ".docx", ".pdf"];

    /// <summary>The (text, labels) pairs of one folder, in ordinal order of their names; empty when it holds none.</summary>
    public static List<(string Text, string Labels)> PairsIn(string folder)
    {
        var pairs = new List<(string, string)>();
        foreach (var labels in Directory.GetFiles(folder, "*.labels.json").Order(StringComparer.Ordinal))
        {
            var stem = labels[..^".labels.json".Length];
            var text = TextExtensions.Select(ext => stem + ext).FirstOrDefault(File.Exists);
            if (text is not null)
            {
                pairs.Add((text, labels));
            }
        }

        return pairs;
    }

    /// <summary>Every labelled text under <paramref name="root"/>, each subfolder that holds pairs a batch (ordinal order).</summary>
    public static async Task<List<LabelledText>> ReadBatchesAsync(string root, CancellationToken cancellationToken)
    {
        var texts = new List<LabelledText>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var (textPath, labelsPath) in PairsIn(folder))
            {
                var text = await MeetingTextReader.ReadFileAsync(textPath, cancellationToken: cancellationToken).ConfigureAwait(false);
                var labels = LabelledDirective.Parse(await File.ReadAllTextAsync(labelsPath, cancellationToken).ConfigureAwait(false));
                texts.Add(new LabelledText(Path.GetFileName(folder), Path.GetFileNameWithoutExtension(textPath), text.Text, labels));
            }
        }

        return texts;
    }
}
