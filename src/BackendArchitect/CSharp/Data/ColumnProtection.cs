using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>
/// What the code says about how a column's value is stored, for rules that judge a column by its name
/// (a "password" or "key" column is plaintext only if nothing says otherwise). Evidence is the entity
/// property of that name in a class named like the table, whose doc comment or attributes say it holds
/// a hash or ciphertext, or any assignment of that property from a hashing or encrypting call. Only the
/// C# files that mention an asked-for column are parsed, and each column is looked up once.
/// </summary>
public sealed class ColumnProtection(IReadOnlyList<SourceFile> csharpFiles)
{
    /// <summary>Words in a doc comment or attribute that say the stored value is not the secret itself.</summary>
    private static readonly string[] ProtectedWords =
        ["hash", "encrypted", "encrypt", "encryption", "cipher", "wrapped", "sealed", "digest", "protected"];

    /// <summary>Words in the assigned expression that say the value was hashed or encrypted before it was stored.</summary>
    private static readonly string[] ProtectingCalls = ["hash", "encrypt", "protect", "bcrypt", "argon", "pbkdf2", "scrypt", "seal", "wrap"];

    /// <summary>The assigned expression reads a protected value back, which says nothing about what is stored.</summary>
    private static readonly string[] RevealingCalls = ["unprotect", "decrypt", "unwrap", "unseal"];

    private readonly ConcurrentDictionary<string, IReadOnlyList<Fact>> byColumn = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each file is parsed and walked once, however many columns are asked about.</summary>
    private readonly ConcurrentDictionary<string, Fact[]> byFile = new(StringComparer.Ordinal);

    /// <summary>
    /// Entity code is hand-written: EF's designer files and migrations name every column and never document one.
    /// Filtered on first use: most lint runs never ask about a column, and the filter reads every C# file.
    /// </summary>
    private readonly Lazy<SourceFile[]> files = new(() => [.. csharpFiles.Where(f => !f.IsGenerated && !f.Text.Contains("MigrationBuilder", StringComparison.Ordinal))]);

    /// <summary>No code to read: every answer is "no evidence".</summary>
    public static ColumnProtection None { get; } = new([]);

    /// <summary>A description of the code that shows the column is hashed or encrypted ("User.cs:29: ..."), or null.</summary>
    public string? Evidence(string table, string column)
    {
        var wanted = Normalize(table);
        return byColumn.GetOrAdd(column, Find)
            .Where(e => e.Class == "" || Matches(e.Class, wanted))
            .Select(e => e.Evidence)
            .FirstOrDefault();
    }

    private Fact[] Find(string column)
    {
        // Only a declaration ("Name {") or an assignment ("Name = ") can be evidence; reads of the property are most mentions.
        var declaredOrAssigned = new Regex($@"\b{Regex.Escape(column)}\s*(\{{|=[^=>])", RegexOptions.CultureInvariant);
        var mentioning = files.Value.Where(f => f.Text.Contains(column, StringComparison.Ordinal) && declaredOrAssigned.IsMatch(f.Text)).ToArray();
        var facts = new Fact[mentioning.Length][];
        Parallel.For(0, mentioning.Length, i => facts[i] = byFile.GetOrAdd(mentioning[i].Path, _ => Read(mentioning[i])));
        return [.. facts.SelectMany(f => f).Where(f => f.Name == column)];
    }

    /// <summary>Every property and assignment of the file that says its value is protected.</summary>
    private static Fact[] Read(SourceFile file)
    {
        if (NestingDepth.FirstLineTooDeep(file) is not null)
        {
            return [];
        }

        var found = new List<Fact>();
        foreach (var node in CSharpTrees.Of(file).GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case PropertyDeclarationSyntax { Parent: TypeDeclarationSyntax type } property when DeclarationSays(property) is { } what:
                    found.Add(new(property.Identifier.ValueText, Normalize(type.Identifier.ValueText), $"{file.Path}:{Line(property)}: {what}"));
                    break;
                case AssignmentExpressionSyntax assignment when AssignedName(assignment.Left) is { } name && Protects(assignment.Right):
                    var initialized = InitializedType(assignment) is { } t ? Normalize(t) : "";
                    found.Add(new(name, initialized, $"{file.Path}:{Line(assignment)}: stored from {Shorten(assignment.Right.ToString())}"));
                    break;
            }
        }

        return [.. found];
    }

    /// <summary>"its doc comment says ..." or "its attribute says ..." when either names hashing or encryption.</summary>
    private static string? DeclarationSays(PropertyDeclarationSyntax property)
    {
        // Trees are shared and parsed without doc comment structure, so a doc comment is a comment by its text.
        var doc = string.Concat(property.GetLeadingTrivia()
            .Select(t => t.ToString())
            .Where(t => t.StartsWith("///", StringComparison.Ordinal) || t.StartsWith("/**", StringComparison.Ordinal)));
        if (ProtectedWords.Any(w => doc.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return "its doc comment says it is hashed or encrypted";
        }

        var attribute = property.AttributeLists.SelectMany(l => l.Attributes).Select(a => a.Name.ToString())
            .FirstOrDefault(name => ProtectedWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)));
        return attribute is null ? null : $"its [{attribute}] attribute says it is hashed or encrypted";
    }

    private static bool Protects(ExpressionSyntax value)
    {
        var names = value.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Select(n => n.Identifier.ValueText).ToArray();
        return names.Any(n => ProtectingCalls.Any(w => n.Contains(w, StringComparison.OrdinalIgnoreCase)))
            && !names.Any(n => RevealingCalls.Any(w => n.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax name when name.Parent?.Parent is InitializerExpressionSyntax => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The type of <c>new User { MasterPassword = ... }</c>; null for a plain assignment, whose receiver's type is not known.</summary>
    private static string? InitializedType(AssignmentExpressionSyntax assignment) =>
        assignment.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation }
            ? creation.Type.ToString().Split('.')[^1]
            : null;

    /// <summary>A property name, the normalized class it is known to belong to ("" when unknown), and what the code shows.</summary>
    private sealed record Fact(string Name, string Class, string Evidence);

    /// <summary>"users", "User" and "dbo.Users" name the same entity.</summary>
    private static string Normalize(string name) =>
        name.Split('.')[^1].Trim('[', ']', '"', '`').Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static bool Matches(string className, string table) =>
        className == table || className + "s" == table || className + "es" == table || (className.EndsWith('y') && className[..^1] + "ies" == table);

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
