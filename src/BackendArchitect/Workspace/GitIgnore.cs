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
    private readonly List<(Regex Pattern, bool Negated, bool DirectoryOnly)> rules = [];

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
            rules.Add((new Regex(ToRegex(line, anchored), RegexOptions.CultureInvariant | RegexOptions.Compiled), negated, directoryOnly));
        }
    }

    /// <summary>The directory (relative to the workspace root, "" for the root) the patterns are relative to.</summary>
    public string BaseDirectory { get; }

    public bool HasRules => rules.Count > 0;

    /// <summary>Returns true (ignored), false (explicitly re-included) or null (no pattern matched).</summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        bool? result = null;
        foreach (var (pattern, negated, directoryOnly) in rules)
        {
            if (directoryOnly && !isDirectory)
            {
                continue;
            }

            if (pattern.IsMatch(relativePath))
            {
                result = !negated;
            }
        }

        return result;
    }

    private static string ToRegex(string pattern, bool anchored)
    {
        var sb = new StringBuilder("^");
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
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }

                    var cls = pattern[(i + 1)..close].Replace("\\", "\\\\");
                    if (cls.StartsWith('!'))
                    {
                        cls = "^" + cls[1..];
                    }

                    sb.Append('[').Append(cls).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[i + 1].ToString()));
                    i++;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        // A pattern that names a directory also covers everything below it.
        sb.Append("(?:/.*)?$");
        return sb.ToString();
    }
}
