using System.Text;
using System.Text.RegularExpressions;

namespace BackendArchitect.Workspace;

/// <summary>
/// The patterns of one .gitignore file, matched against paths relative to the directory that holds
/// it. Implements the gitignore rules that matter for source trees: negation, directory-only
/// patterns, anchoring by a slash, '*', '?', character classes and '**'.
/// </summary>
public sealed class GitIgnore
{
    private readonly List<Rule> rules = [];

    public GitIgnore(string baseDirectory, IEnumerable<string> lines)
    {
        BaseDirectory = baseDirectory;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.EndsWith(' ') && !line.EndsWith("\\ "))
            {
                line = line.TrimEnd(' ');
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var negated = false;
            if (line.StartsWith('!'))
            {
                negated = true;
                line = line[1..];
            }
            else if (line.StartsWith("\\!") || line.StartsWith("\\#"))
            {
                line = line[1..];
            }

            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0)
            {
                continue;
            }

            // A slash anywhere but at the end anchors the pattern to this .gitignore's directory.
            var anchored = line.Contains('/');
            line = line.TrimStart('/');
            // Interpreted, not compiled: after the literal check a rule's regex runs on few paths, and
            // compiling every rule of a long .gitignore costs more than all its matches.
            var (regex, literal) = ToRegex(line, anchored);
            rules.Add(new Rule(new Regex(regex, RegexOptions.CultureInvariant), literal, negated, directoryOnly));
        }
    }

    /// <summary>The directory (relative to the workspace root, "" for the root) the patterns are relative to.</summary>
    public string BaseDirectory { get; }

    public bool HasRules => rules.Count > 0;

    /// <summary>Returns true (ignored), false (explicitly re-included) or null (no pattern matched).</summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        // The last matching pattern decides, so the first match from the end is the answer.
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            var rule = rules[i];
            if (rule.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            // Most paths match none of a long .gitignore; a substring search rules out nearly all
            // patterns before their regex runs.
            if (!relativePath.Contains(rule.Literal, StringComparison.Ordinal))
            {
                continue;
            }

            if (rule.Pattern.IsMatch(relativePath))
            {
                return !rule.Negated;
            }
        }

        return null;
    }

    /// <summary>
    /// The regex of a pattern, and the longest run of characters every match must contain ("" when the
    /// pattern is all wildcards, or has a class whose end the regex may read differently). The run is
    /// collected while translating, so it agrees with the regex.
    /// </summary>
    private static (string Regex, string Literal) ToRegex(string pattern, bool anchored)
    {
        var sb = new StringBuilder("^");
        var run = new StringBuilder();
        var longest = "";
        var opaque = false;
        void EndRun()
        {
            if (run.Length > longest.Length)
            {
                longest = run.ToString();
            }

            run.Clear();
        }

        if (!anchored)
        {
            sb.Append("(?:.*/)?");
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    var leadingSlash = i == 0 || pattern[i - 1] == '/';
                    var trailingSlash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    EndRun();
                    if (leadingSlash && trailingSlash)
                    {
                        sb.Append("(?:.*/)?");
                        i += 2;
                    }
                    else
                    {
                        sb.Append(".*");
                        i++;
                    }

                    break;
                case '*':
                    EndRun();
                    sb.Append("[^/]*");
                    break;
                case '?':
                    EndRun();
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        run.Append('[');
                        break;
                    }

                    EndRun();
                    var raw = pattern[(i + 1)..close];
                    if (raw is "" or "!" or "^" || raw.Contains('['))
                    {
                        // The regex may read such a class as running past its ']' (or as a .NET class
                        // subtraction), so the characters after it are not known to be literal.
                        opaque = true;
                    }

                    var cls = raw.Replace("\\", "\\\\");
                    if (cls.StartsWith('!'))
                    {
                        cls = "^" + cls[1..];
                    }

                    sb.Append('[').Append(cls).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[i + 1].ToString()));
                    run.Append(pattern[i + 1]);
                    i++;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    run.Append(c);
                    break;
            }
        }

        // A pattern that names a directory also covers everything below it.
        sb.Append("(?:/.*)?$");
        EndRun();
        return (sb.ToString(), opaque ? "" : longest);
    }

    private sealed record Rule(Regex Pattern, string Literal, bool Negated, bool DirectoryOnly);
}
