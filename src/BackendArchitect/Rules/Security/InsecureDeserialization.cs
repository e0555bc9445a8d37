using System.Collections.Frozen;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC031: a deserializer that lets the payload choose which .NET types to create.</summary>
public sealed class InsecureDeserialization : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC031",
        "insecure-deserialization",
        "security",
        Severity.Error,
        "Deserialization that lets the data name the types to create: Newtonsoft.Json TypeNameHandling other than None (in settings or on a [JsonProperty]), BinaryFormatter and its relatives, .NET Remoting with TypeFilterLevel.Full, FsPickler, JavaScriptSerializer with SimpleTypeResolver.",
        "When the serialized data says which type to instantiate, whoever controls the data chooses the code that runs while it is "
            + "read: known gadget types (ObjectDataProvider, WindowsIdentity, TempFileCollection...) turn a payload into remote code "
            + "execution or file deletion. Newtonsoft.Json does this with TypeNameHandling Auto, Objects, Arrays or All and a \"$type\" "
            + "property; BinaryFormatter, SoapFormatter, NetDataContractSerializer, LosFormatter and ObjectStateFormatter always do, "
            + "and Microsoft says they cannot be made safe, as does a remoting channel with TypeFilterLevel.Full and FsPickler, which "
            + "records every value's type; JavaScriptSerializer does with a SimpleTypeResolver. Settings that also "
            + "set a SerializationBinder, which restricts the types, are left out.",
        "var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };\nvar order = JsonConvert.DeserializeObject<Order>(body, settings);",
        "var order = JsonSerializer.Deserialize<Order>(body);\n\n// polymorphism with a closed list of types:\n[JsonDerivedType(typeof(CardPayment), \"card\")]\npublic abstract record Payment;",
        [
            "https://learn.microsoft.com/dotnet/standard/serialization/binaryformatter-security-guide",
            "https://www.newtonsoft.com/json/help/html/T_Newtonsoft_Json_TypeNameHandling.htm",
            "https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca2326",
            "https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html",
            "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/",
        ],
        ["CWE-502", "OWASP-A08:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private static readonly FrozenSet<string> Formatters = FrozenSet.ToFrozenSet(
        ["BinaryFormatter", "SoapFormatter", "NetDataContractSerializer", "LosFormatter", "ObjectStateFormatter"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> TypeNaming = FrozenSet.ToFrozenSet(["Auto", "Objects", "Arrays", "All"], StringComparer.Ordinal);

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        var messages = context.Syntax.Assignments.Select(a => (Node: (SyntaxNode)a.Node, a.Document, Message: TypeNameHandlingMessage(a.Node) ?? TypeFilterMessage(a.Node)))
            .Concat(context.Syntax.Creations.Select(c => (Node: (SyntaxNode)c.Node, c.Document, Message: c.Node is ObjectCreationExpressionSyntax creation ? CreationMessage(creation) : null)))
            .Concat(context.Syntax.InvocationsOf("CreateJsonSerializer", "CreateBinarySerializer", "CreateXmlSerializer", "CreateBsonSerializer")
                .Where(i => SyntaxHelpers.Receiver(i.Node)?.ToString() is "FsPickler" or "MBrace.FsPickler.FsPickler")
                .Select(i => (Node: (SyntaxNode)i.Node, i.Document, Message: (string?)"FsPickler writes and reads the .NET type of every value, so a crafted payload chooses which types are created, and their code runs while it is read.")))
            .Concat(TypeNameAttributes(context));
        foreach (var (node, document, message) in messages)
        {
            if (message is not null)
            {
                yield return Finding.At(Metadata, document.LocationOf(node), message, Fix);
            }
        }
    }

    private const string Fix = "Deserialize into concrete types with System.Text.Json (polymorphism through [JsonDerivedType]), or keep TypeNameHandling.None; if type names are needed, restrict them with a SerializationBinder that allows a fixed list.";

    private static string? TypeNameHandlingMessage(AssignmentExpressionSyntax assignment)
    {
        if (SettingAssignments.MemberName(assignment.Left) != "TypeNameHandling"
            || SettingAssignments.FlagNames(assignment.Right).FirstOrDefault(TypeNaming.Contains) is not { } mode
            || SetsBinder(assignment))
        {
            return null;
        }

        return $"TypeNameHandling.{mode}: the JSON's \"$type\" property chooses which .NET type is created, so a crafted payload can instantiate gadget types and run code.";
    }

    private static string? CreationMessage(ObjectCreationExpressionSyntax creation)
    {
        var type = creation.Type is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : creation.Type.ToString();
        if (Formatters.Contains(type))
        {
            return $"{type} deserializes any type the payload names; Microsoft considers it unsafe whatever the input, and it runs gadget chains from crafted data.";
        }

        var resolves = type == "JavaScriptSerializer" && creation.ArgumentList?.Arguments.Any(a =>
            a.Expression is ObjectCreationExpressionSyntax { Type: var resolver } && resolver.ToString().EndsWith("SimpleTypeResolver", StringComparison.Ordinal)) == true;
        return resolves ? "JavaScriptSerializer with SimpleTypeResolver creates the types named by \"__type\" in the JSON, so a crafted payload chooses the code that runs." : null;
    }

    /// <summary>.NET Remoting's TypeFilterLevel.Full lets a remoting channel deserialize any type a client sends.</summary>
    private static string? TypeFilterMessage(AssignmentExpressionSyntax assignment) =>
        SettingAssignments.MemberName(assignment.Left) == "TypeFilterLevel" && SettingAssignments.FlagNames(assignment.Right).Contains("Full")
            ? "TypeFilterLevel.Full lets the remoting channel deserialize any type a client sends, with BinaryFormatter's gadget chains."
            : null;

    /// <summary>[JsonProperty(TypeNameHandling = ...)] and [JsonObject(ItemTypeNameHandling = ...)] turn type names on for one member or type.</summary>
    private static IEnumerable<(SyntaxNode Node, CSharpDocument Document, string? Message)> TypeNameAttributes(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            if (!document.File.Text.Contains("TypeNameHandling", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var argument in document.Root.DescendantNodes().OfType<AttributeArgumentSyntax>())
            {
                if (argument.NameEquals?.Name.Identifier.ValueText is "TypeNameHandling" or "ItemTypeNameHandling"
                    && SettingAssignments.FlagNames(argument.Expression).FirstOrDefault(TypeNaming.Contains) is { } mode)
                {
                    yield return (argument, document, $"{argument.NameEquals.Name.Identifier.ValueText} = TypeNameHandling.{mode} on this member: the JSON's \"$type\" property chooses which .NET type is created, so a crafted payload can instantiate gadget types and run code.");
                }
            }
        }
    }

    /// <summary>A SerializationBinder set beside TypeNameHandling limits the types to those it allows.</summary>
    private static bool SetsBinder(AssignmentExpressionSyntax assignment)
    {
        var siblings = assignment.Parent is InitializerExpressionSyntax initializer
            ? initializer.Expressions.OfType<AssignmentExpressionSyntax>()
            : assignment.FirstAncestorOrSelf<BlockSyntax>()?.Statements.OfType<ExpressionStatementSyntax>().Select(s => s.Expression).OfType<AssignmentExpressionSyntax>() ?? [];
        return siblings.Any(s => SettingAssignments.MemberName(s.Left) is "SerializationBinder" or "Binder");
    }
}
