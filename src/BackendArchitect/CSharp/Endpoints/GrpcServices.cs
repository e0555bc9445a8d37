using System.Text.RegularExpressions;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>A service declared in a .proto file: its package, name and rpc names.</summary>
internal sealed record ProtoService(string Package, string Name, IReadOnlyList<string> Rpcs, string File);

/// <summary>One gRPC method implemented by a service class, with the route gRPC serves it on.</summary>
internal sealed record GrpcMethod(MethodDeclarationSyntax Method, CSharpDocument Document, string ClassName, string Route);

/// <summary>
/// Expands <c>MapGrpcService&lt;T&gt;()</c> into the methods that T overrides from its generated base
/// class, routed as "/package.Service/Method" from the .proto files when one declares the service.
/// </summary>
internal sealed partial class GrpcServices(CSharpCorpus corpus, IReadOnlyList<SourceFile> protoFiles)
{
    private readonly Lazy<IReadOnlyDictionary<string, ProtoService>> byName = new(() => Index(protoFiles));

    /// <summary>The methods of a service class, or empty when the class is not in the corpus.</summary>
    public IReadOnlyList<GrpcMethod> Methods(string serviceType)
    {
        var entries = corpus.FindType(serviceType);
        var serviceName = entries
            .SelectMany(e => SyntaxHelpers.BaseTypeNames(e.Declaration))
            .Select(ServiceNameOfBase)
            .FirstOrDefault(n => n is not null);
        if (serviceName is null)
        {
            return [];
        }

        byName.Value.TryGetValue(serviceName, out var proto);
        var result = new List<GrpcMethod>();
        foreach (var entry in entries)
        {
            if (entry.Declaration is not TypeDeclarationSyntax type)
            {
                continue;
            }

            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
            {
                if (!method.Modifiers.Any(SyntaxKind.OverrideKeyword) || !method.Modifiers.Any(SyntaxKind.PublicKeyword))
                {
                    continue;
                }

                var rpc = RpcName(proto, method.Identifier.ValueText);
                var route = proto is null || proto.Package.Length == 0 ? $"/{serviceName}/{rpc}" : $"/{proto.Package}.{serviceName}/{rpc}";
                result.Add(new GrpcMethod(method, entry.Document, SyntaxHelpers.QualifiedName(type), route));
            }
        }

        return result;
    }

    /// <summary>Services declared in .proto text (comments removed; rpc option blocks may nest braces).</summary>
    internal static IReadOnlyList<ProtoService> Parse(string text, string file)
    {
        var clean = Comments().Replace(text, " ");
        var package = Package().Match(clean) is { Success: true } p ? p.Groups["name"].Value : "";
        var result = new List<ProtoService>();
        foreach (Match service in Service().Matches(clean))
        {
            var start = service.Index + service.Length;
            var depth = 1;
            var end = start;
            while (end < clean.Length && depth > 0)
            {
                depth += clean[end] switch { '{' => 1, '}' => -1, _ => 0 };
                end++;
            }

            var body = clean[start..end];
            result.Add(new ProtoService(package, service.Groups["name"].Value, [.. Rpc().Matches(body).Select(m => m.Groups["name"].Value)], file));
        }

        return result;
    }

    private static IReadOnlyDictionary<string, ProtoService> Index(IReadOnlyList<SourceFile> files)
    {
        var result = new Dictionary<string, ProtoService>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var service in Parse(file.Text, file.Path))
            {
                result.TryAdd(service.Name, service);
            }
        }

        return result;
    }

    /// <summary>"Greeter.GreeterBase" and "GreeterBase" give "Greeter"; other base types give null.</summary>
    private static string? ServiceNameOfBase(string baseType)
    {
        var simple = SyntaxHelpers.SimpleTypeName(baseType);
        return simple.Length > "Base".Length && simple.EndsWith("Base", StringComparison.Ordinal) ? simple[..^"Base".Length] : null;
    }

    /// <summary>The rpc as the .proto spells it (generated C# method names drop underscores and capitalize).</summary>
    private static string RpcName(ProtoService? proto, string method) =>
        proto?.Rpcs.FirstOrDefault(r => string.Equals(r.Replace("_", "", StringComparison.Ordinal), method, StringComparison.OrdinalIgnoreCase)) ?? method;

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\bpackage\s+(?<name>[\w.]+)\s*;")]
    private static partial Regex Package();

    [GeneratedRegex(@"\bservice\s+(?<name>\w+)\s*\{")]
    private static partial Regex Service();

    [GeneratedRegex(@"\brpc\s+(?<name>\w+)\s*\(")]
    private static partial Regex Rpc();
}
