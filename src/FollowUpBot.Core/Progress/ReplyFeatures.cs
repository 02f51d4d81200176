namespace FollowUpBot.Progress;

/// <summary>Receives the features of a reply one at a time, as spans of the folded text or of a scratch buffer.</summary>
internal interface IReplyFeatureSink
{
    void Add(scoped ReadOnlySpan<char> feature);
}

/// <summary>
/// What the learned reply classifier reads of a reply (<see cref="ReplyText.Fold"/>ed first): every Chinese
/// character and every run of two (and, when the model asks, three) Chinese characters; every English word and
/// every pair of neighbouring words in a clause; a number as <c>&lt;n&gt;</c> and a percent sign as <c>&lt;%&gt;</c>.
/// Training and classifying read the same features, so a model file stays valid as long as this class does.
/// No allocation: the features are spans handed to the sink.
/// </summary>
internal static class ReplyFeatures
{
    public const string Number = "<n>";
    public const string Percent = "<%>";

    // Longer words are cut: a feature is a short key, and the pair buffer lives on the stack.
    private const int MaxWord = 24;

    public static void Each<TSink>(ReadOnlySpan<char> folded, int cjkGrams, ref TSink sink)
        where TSink : IReplyFeatureSink, allows ref struct
    {
        Span<char> pair = stackalloc char[(2 * MaxWord) + 1];
        var previous = ReadOnlySpan<char>.Empty;
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (ReplyText.IsCjk(c))
            {
                for (var n = 1; n <= cjkGrams && i + n <= folded.Length && ReplyText.IsCjk(folded[i + n - 1]); n++)
                {
                    sink.Add(folded.Slice(i, n));
                }

                previous = ReadOnlySpan<char>.Empty;
                i++;
                continue;
            }

            if (c is >= 'a' and <= 'z')
            {
                var start = i;
                while (i < folded.Length && (folded[i] is >= 'a' and <= 'z' || folded[i] == '\''))
                {
                    i++;
                }

                var word = folded[start..i].TrimEnd('\'');
                if (word.Length > MaxWord)
                {
                    word = word[..MaxWord];
                }

                sink.Add(word);
                if (!previous.IsEmpty)
                {
                    previous.CopyTo(pair);
                    pair[previous.Length] = ' ';
                    word.CopyTo(pair[(previous.Length + 1)..]);
                    sink.Add(pair[..(previous.Length + 1 + word.Length)]);
                }

                previous = word;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                while (i < folded.Length && (char.IsAsciiDigit(folded[i]) || folded[i] == '.'))
                {
                    i++;
                }

                sink.Add(Number);
                continue;
            }

            if (c == '%')
            {
                sink.Add(Percent);
            }
            else if (ReplyText.IsSentenceBreak(c) || c is ',' or ':' or '(' or ')')
            {
                previous = ReadOnlySpan<char>.Empty;
            }

            i++;
        }
    }
}
