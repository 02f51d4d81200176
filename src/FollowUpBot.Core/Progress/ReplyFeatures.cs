namespace FollowUpBot.Progress;

/// <summary>Receives the features of a reply one at a time, as spans of the folded text or of a scratch buffer.</summary>
internal interface IReplyFeatureSink
{
    void Add(scoped ReadOnlySpan<char> feature);
}

/// <summary>Features read besides the character n-grams and words; the model file names the ones it was trained with.</summary>
[Flags]
internal enum ReplyFeatureExtras
{
    None = 0,

    /// <summary>Words in the scope of a negation ("no repair work has started", 尚未开工) also as <c>~word</c> / <c>~开工</c>.</summary>
    Negation = 1,

    /// <summary>The kinds of the rules' cues found in the reply (<see cref="ReplyCues.Find"/>) as <c>&lt;cue:kind&gt;</c>.</summary>
    Cues = 2,

    /// <summary>
    /// English words and word pairs also by their stems (<c>=push back</c> for "pushed back", "pushing back"), so a form
    /// never seen in training still counts as the forms that were.
    /// </summary>
    Stems = 4,
}

/// <summary>
/// What the learned reply classifier reads of a reply (<see cref="ReplyText.Fold"/>ed first): every Chinese
/// character and every run of two (and, when the model asks, three) Chinese characters; every English word and
/// every pair of neighbouring words in a clause; a number as <c>&lt;n&gt;</c> and a percent sign as <c>&lt;%&gt;</c>;
/// and, when the model asks (<see cref="ReplyFeatureExtras"/>), negated words and the kinds of the rules' cues.
/// Training and classifying read the same features, so a model file stays valid as long as this class does.
/// No allocation: the features are spans handed to the sink.
/// </summary>
internal static class ReplyFeatures
{
    public const string Number = "<n>";
    public const string Percent = "<%>";

    // Longer words are cut: a feature is a short key, and the pair buffer lives on the stack.
    private const int MaxWord = 24;

    // A negation reaches this many words (English) or characters (Chinese) into its clause.
    private const int EnglishScope = 4;
    private const int ChineseScope = 4;

    private static readonly string[] CueNames = BuildCueNames();

    public static void Each<TSink>(ReadOnlySpan<char> folded, int cjkGrams, ref TSink sink)
        where TSink : IReplyFeatureSink, allows ref struct =>
        Each(folded, cjkGrams, ReplyFeatureExtras.None, null, ref sink);

    /// <summary>The features of a reply; <paramref name="cues"/> are the rules' cues of it, read only with <see cref="ReplyFeatureExtras.Cues"/>.</summary>
    public static void Each<TSink>(ReadOnlySpan<char> folded, int cjkGrams, ReplyFeatureExtras extras, IReadOnlyList<Cue>? cues, ref TSink sink)
        where TSink : IReplyFeatureSink, allows ref struct
    {
        Span<char> pair = stackalloc char[(2 * MaxWord) + 1];
        Span<char> negated = stackalloc char[MaxWord + 3];
        Span<char> stems = stackalloc char[(2 * MaxWord) + 5];
        var negation = (extras & ReplyFeatureExtras.Negation) != 0;
        var stemming = (extras & ReplyFeatureExtras.Stems) != 0;
        var previous = ReadOnlySpan<char>.Empty;
        var previousStem = 0;
        var previousChanged = false;
        var englishScope = 0;
        var chineseScope = 0;
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

                if (negation)
                {
                    if (chineseScope > 0 && i + 1 < folded.Length && ReplyText.IsCjk(folded[i + 1]))
                    {
                        negated[0] = '~';
                        folded.Slice(i, 2).CopyTo(negated[1..]);
                        sink.Add(negated[..3]);
                    }

                    chineseScope = IsChineseNegator(c) ? ChineseScope : Math.Max(0, chineseScope - 1);
                }

                previous = ReadOnlySpan<char>.Empty;
                previousStem = 0;
                englishScope = 0;
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

                if (stemming)
                {
                    // stems: "=" + the previous word's stem (previousStem characters with the "="), then " " + this word's.
                    var current = stems[(previousStem + 1)..];
                    var length = Stem(word, current);
                    var changed = length != word.Length || !current[..length].SequenceEqual(word);
                    if (previousStem > 0 && (changed || previousChanged))
                    {
                        stems[previousStem] = ' ';
                        sink.Add(stems[..(previousStem + 1 + length)]);
                    }

                    stems[0] = '=';
                    current[..length].CopyTo(stems[1..]);
                    if (changed)
                    {
                        sink.Add(stems[..(1 + length)]);
                    }

                    previousStem = 1 + length;
                    previousChanged = changed;
                }

                if (negation)
                {
                    if (IsEnglishNegator(word))
                    {
                        englishScope = EnglishScope;
                    }
                    else if (englishScope > 0)
                    {
                        negated[0] = '~';
                        word.CopyTo(negated[1..]);
                        sink.Add(negated[..(word.Length + 1)]);
                        englishScope--;
                    }
                }

                previous = word;
                chineseScope = 0;
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
            else if (ReplyText.IsSentenceBreak(c) || c is ',' or ':' or '(' or ')' or '、')
            {
                previous = ReadOnlySpan<char>.Empty;
                previousStem = 0;
                englishScope = 0;
                chineseScope = 0;
            }

            i++;
        }

        if ((extras & ReplyFeatureExtras.Cues) != 0 && cues is not null)
        {
            // Each kind once, in the order of the kinds, whatever order the cues were found in.
            var seen = 0;
            foreach (var cue in cues)
            {
                seen |= 1 << (int)cue.Kind;
            }

            for (var k = 0; k < CueNames.Length; k++)
            {
                if ((seen & (1 << k)) != 0)
                {
                    sink.Add(CueNames[k]);
                }
            }
        }
    }

    /// <summary>
    /// A light English stem written to <paramref name="into"/> (its length returned): common endings off (-ations, -ments,
    /// -ion, -ing, -ies/-ied as y, -ed, -es, -ly, -s), then a doubled last consonant and a last e — push, pushed, pushes and
    /// pushing all read "push"; close, closed, closing "clos"; stopped "stop". At least three letters are kept.
    /// </summary>
    internal static int Stem(ReadOnlySpan<char> word, Span<char> into)
    {
        var stem = word;
        var y = false;
        foreach (var ending in Endings)
        {
            if (stem.Length - ending.Length >= 3 && stem.EndsWith(ending, StringComparison.Ordinal))
            {
                y = ending is "ies" or "ied";
                stem = stem[..^ending.Length];
                break;
            }
        }

        if (!y && stem.Length < word.Length && stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e' or 'o') && !IsVowel(stem[^1]))
        {
            stem = stem[..^1];
        }
        else if (!y && stem.Length > 3 && stem[^1] == 'e')
        {
            stem = stem[..^1];
        }

        stem.CopyTo(into);
        if (y)
        {
            into[stem.Length] = 'y';
            return stem.Length + 1;
        }

        return stem.Length;
    }

    private static readonly string[] Endings = ["ations", "ation", "ments", "ment", "ions", "ion", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s"];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsChineseNegator(char c) => c is '未' or '没' or '不' or '无' or '非';

    private static bool IsEnglishNegator(ReadOnlySpan<char> word) => word switch
    {
        "not" or "no" or "never" or "nothing" or "none" or "without" or "cannot" or "nor" => true,
        _ => word.EndsWith("n't", StringComparison.Ordinal) || word is "cant" or "wont" or "didnt" or "hasnt" or "havent" or "isnt" or "dont",
    };

    private static string[] BuildCueNames()
    {
        var kinds = Enum.GetValues<CueKind>();
        var names = new string[kinds.Length];
        foreach (var kind in kinds)
        {
            names[(int)kind] = $"<cue:{kind.ToString().ToLowerInvariant()}>";
        }

        return names;
    }
}
