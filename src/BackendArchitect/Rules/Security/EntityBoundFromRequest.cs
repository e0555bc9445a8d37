using System.Text.RegularExpressions;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Reports;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC006: a state-changing endpoint binds an EF Core entity straight from the request body (mass assignment).</summary>
public sealed partial class EntityBoundFromRequest : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC006",
        "entity-bound-from-request",
        "security",
        Severity.Warning,
        "A state-changing endpoint binds an EF Core entity directly from the request body (mass assignment).",
        "Model binding fills every public settable property the JSON names. When the bound type is the entity itself, a caller "
            + "sets what the form never offered: flags such as IsAdmin or IsVip, credit limits, owner and tenant ids, password hashes, "
            + "and with Update() or Attach() every one of them is written to the database. Bind a request type that holds only what "
            + "the caller may change, and copy those fields onto the entity loaded for the caller.",
        "[HttpPut(\"me\")]\npublic async Task<IActionResult> UpdateMe([FromBody] Customer customer)\n{\n    _db.Customers.Update(customer);\n    await _db.SaveChangesAsync();\n    return NoContent();\n}",
        "public sealed record UpdateProfileRequest(string FullName, string? Phone);\n\n[HttpPut(\"me\")]\npublic async Task<IActionResult> UpdateMe(UpdateProfileRequest request)\n{\n    var customer = await _db.Customers.SingleAsync(c => c.Id == User.CustomerId());\n    customer.FullName = request.FullName;\n    customer.Phone = request.Phone;\n    await _db.SaveChangesAsync();\n    return NoContent();\n}",
        [
            "https://learn.microsoft.com/aspnet/core/mvc/models/model-binding#mass-assignment",
            "https://cheatsheetseries.owasp.org/cheatsheets/Mass_Assignment_Cheat_Sheet.html",
        ],
        ["CWE-915", "OWASP-API3:2023"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        var entities = context.Model.Entities.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (entities.Count == 0)
        {
            yield break;
        }

        foreach (var endpoint in context.Model.Endpoints.Where(e => AuthText.IsWrite(e.Method) && EndpointFacts.IsHttpEndpoint(e)))
        {
            foreach (var parameter in endpoint.Parameters.Where(p => p.Source == "body"))
            {
                if (!entities.TryGetValue(ElementType(parameter.Type), out var entity))
                {
                    continue;
                }

                var declaration = HandlerParameters.Find(context.Links, endpoint, parameter.Name);
                if (declaration is { } found && (HasBindAllowList(found.Parameter) || BoundOtherwise(found.Parameter)))
                {
                    continue;
                }

                var location = declaration is { } d ? d.Document.LocationOf(d.Parameter) : endpoint.Location;
                var sensitive = entity.Properties.Select(p => p.Name).Where(n => SensitiveProperty().IsMatch(n) && !entity.Key.Contains(n)).Take(4).ToArray();
                var exposed = sensitive.Length > 0 ? $"any of its properties, {string.Join(", ", sensitive)} among them" : "any of its settable properties";
                var finding = Finding.At(
                    Metadata,
                    location,
                    $"{EndpointFacts.Describe(endpoint)} binds the entity {entity.Name} from the request body as '{parameter.Name}': a caller can set {exposed}.",
                    $"Bind a request type with only the fields the caller may change, load the {entity.Name} for the caller and copy those fields onto it.");
                yield return finding with
                {
                    Related = [new RelatedLocation(new SourceLocation(entity.File, entity.Line), $"entity {entity.Name}" + (entity.Table is null ? "" : $" (table {entity.Table})"))],
                };
            }
        }
    }

    /// <summary>
    /// The entity a body type names: List&lt;Customer&gt;, Customer[] and Customer? bind Customer's properties too; any
    /// other generic (SignInManager&lt;User&gt;, a framework service) is not the entity.
    /// </summary>
    private static string ElementType(string type)
    {
        var t = type.Trim().TrimEnd('?');
        if (t.EndsWith("[]", StringComparison.Ordinal))
        {
            t = t[..^2];
        }

        var open = t.IndexOf('<', StringComparison.Ordinal);
        if (open > 0 && t.EndsWith('>'))
        {
            if (!Collections.Contains(SyntaxHelpers.SimpleTypeName(t[..open])))
            {
                return "";
            }

            t = t[(open + 1)..^1];
        }

        return SyntaxHelpers.SimpleTypeName(t.Trim());
    }

    private static readonly HashSet<string> Collections = new(StringComparer.Ordinal)
    {
        "List", "IList", "IEnumerable", "ICollection", "IReadOnlyList", "IReadOnlyCollection", "Collection", "HashSet", "ISet",
    };

    // MVC's [Bind("Name,Email")] limits binding to the listed properties: the documented mitigation.
    private static bool HasBindAllowList(Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax parameter) =>
        SyntaxHelpers.Attributes(parameter.AttributeLists).Any(a => SyntaxHelpers.AttributeName(a) == "Bind" && a.ArgumentList?.Arguments.Count > 0);

    // [BindNever], [ModelBinder(...)] and custom attributes ([BindOrganization], [InjectUser]) fill the parameter
    // from the server's own state (a filter, the route's id looked up), not from the body.
    private static bool BoundOtherwise(Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax parameter) =>
        SyntaxHelpers.Attributes(parameter.AttributeLists).Select(SyntaxHelpers.AttributeName).Any(n => n is not ("FromBody" or "FromForm" or "Bind" or "Required" or "NotNull"));

    [GeneratedRegex(@"^(?:Is[A-Z]\w*|Has[A-Z]\w*|Roles?|Permissions?|Password\w*|Credit\w*|Balance|Owner\w*|Tenant\w*|UserId|CustomerId|AccountId|Status|Price|Discount\w*|EmailConfirmed|Verified|Approved\w*|Created\w*|Deleted\w*)$")]
    private static partial Regex SensitiveProperty();
}
