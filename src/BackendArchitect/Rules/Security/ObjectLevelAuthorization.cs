using System.Text.RegularExpressions;
using BackendArchitect.Findings;
using BackendArchitect.Linking;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// SEC004: an endpoint loads or changes a row of an owned entity by an id the caller sends, and nothing ties the row
/// to the caller (broken object-level authorization, IDOR).
/// </summary>
public sealed partial class ObjectLevelAuthorization : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC004",
        "object-level-authorization",
        "security",
        Severity.Error,
        "An endpoint reads or changes an owned record by an id from the request without checking that it belongs to the caller (IDOR).",
        "Authentication says who the caller is; it does not say which rows are theirs. When an action takes an order, invoice or "
            + "document id from the route or the body and queries by that id alone, any signed-in user (or anyone, on an anonymous "
            + "endpoint) reads or changes other people's records by counting ids. The rule follows the handler and the methods it "
            + "calls to the EF Core query, and reports a lookup by key on an entity with an owner column (UserId, CustomerId, "
            + "OwnerId, TenantId...) when the query does not also filter by that column and the code does not compare the loaded "
            + "row's owner afterwards or call resource-based authorization. Endpoints restricted to administrator roles or policies "
            + "are left out; reads of entities that may be public by nature (an author's post) are reported only when other code "
            + "in the repository scopes the same entity by its owner.",
        "[Authorize]\n[HttpGet(\"{id:int}\")]\npublic async Task<IActionResult> Get(int id)\n{\n    var order = await _db.Orders.FirstOrDefaultAsync(o => o.Id == id);\n    return order is null ? NotFound() : Ok(order);\n}",
        "[Authorize]\n[HttpGet(\"{id:int}\")]\npublic async Task<IActionResult> Get(int id)\n{\n    var customerId = User.CustomerId();\n    var order = await _db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId);\n    return order is null ? NotFound() : Ok(order);\n}",
        [
            "https://owasp.org/API-Security/editions/2023/en/0xa1-broken-object-level-authorization/",
            "https://cheatsheetseries.owasp.org/cheatsheets/Insecure_Direct_Object_Reference_Prevention_Cheat_Sheet.html",
            "https://learn.microsoft.com/aspnet/core/security/authorization/resourcebased",
        ],
        ["CWE-639", "OWASP-API1:2023", "OWASP-A01:2021"])
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

        var scopedElsewhere = ScopedEntities(context.Links);
        var globallyFiltered = GlobalFilterColumns(context);
        foreach (var linked in context.Links.Endpoints)
        {
            var endpoint = linked.Endpoint;
            if (!EndpointFacts.IsHttpEndpoint(endpoint) || endpoint.Auth.Required is null || EndpointFacts.IsPrivileged(endpoint)
                || endpoint.Auth.Required == false && endpoint.Method != "GET"
                || AuthorizationFilters.MayAuthorize(context, endpoint))
            {
                continue;
            }

            var request = new RequestValues(endpoint, linked.Handler);
            var checks = new Lazy<OwnershipChecks>(() => OwnershipChecks.In(linked));
            foreach (var site in linked.DataAccess)
            {
                if (site.Fact.Entity is not { } name || !entities.TryGetValue(name, out var entity))
                {
                    continue;
                }

                var owners = OwnerColumns.Of(entity).Where(o => !globallyFiltered.Contains(o)).ToArray();
                if (owners.Length == 0 || site.Fact.Filters.Any(f => owners.Contains(OwnerColumns.LastSegment(f)) || IsOwnerPath(f)))
                {
                    continue;
                }

                if (!Reportable(endpoint, entity, owners, scopedElsewhere))
                {
                    continue;
                }

                var key = entity.Key.IsDefaultOrEmpty ? ["Id"] : (IReadOnlyCollection<string>)entity.Key;
                var lookup = ObjectLookups.KeyComparisons(site, key).FirstOrDefault(c => FromRequest(c.Value, site, linked, request));
                if (lookup.At is null || checks.Value.Constrains(owners, site.Node))
                {
                    continue;
                }

                yield return Report(endpoint, entity, owners.Order(StringComparer.Ordinal).First(), site, lookup.At);
            }
        }
    }

    private Finding Report(Endpoint endpoint, Entity entity, string owner, DataAccessSite site, SyntaxNode at)
    {
        var who = endpoint.Auth.Required == true ? "any signed-in caller" : "anyone";
        var verb = endpoint.Method == "GET" ? "read" : "change";
        var finding = Finding.At(
            Metadata,
            site.Document.LocationOf(at),
            $"{EndpointFacts.Describe(endpoint)} finds {entity.Name} rows by the id the caller sends, and nothing checks their {owner}: {who} can {verb} other people's {entity.Name} records by trying ids.",
            $"Filter the query by the caller as well ({entity.Name}.{owner} == the current user's id), or load the row and return 404 when its {owner} is not the caller's; use resource-based authorization (IAuthorizationService.AuthorizeAsync(User, row, policy)) when the rule is more than ownership.");
        return finding with
        {
            Related =
            [
                new RelatedLocation(endpoint.Location, "endpoint " + EndpointFacts.Describe(endpoint) + (endpoint.Auth.Required == true ? " (authenticated)" : " (anonymous)")),
                new RelatedLocation(new SourceLocation(entity.File, entity.Line), $"entity {entity.Name}, owned through {owner}" + (entity.Table is null ? "" : $" (table {entity.Table})")),
            ],
        };
    }

    /// <summary>
    /// Writes by an authenticated caller, and its reads of entities owned by a user or tenant, are reported; its reads
    /// of entities an author owns (posts, comments: often public) only when other code scopes the entity by its owner,
    /// so the repository itself treats the rows as private. An anonymous read is reported only with both: a user or
    /// tenant owner, and other code that scopes the entity by it.
    /// </summary>
    private static bool Reportable(Endpoint endpoint, Entity entity, IReadOnlyList<string> owners, HashSet<string> scopedElsewhere)
    {
        var privateOwner = owners.Any(o => PrivateOwner().IsMatch(o));
        return endpoint.Auth.Required == true
            ? endpoint.Method != "GET" || privateOwner || scopedElsewhere.Contains(entity.Name)
            : privateOwner && scopedElsewhere.Contains(entity.Name);
    }

    /// <summary>
    /// Where the compared value comes from the caller: in the handler, a request-bound value; in a method the handler
    /// calls, one of that method's parameters while the handler passes a request value on.
    /// </summary>
    private static bool FromRequest(ExpressionSyntax value, DataAccessSite site, LinkedEndpoint linked, RequestValues request)
    {
        if (value is LiteralExpressionSyntax)
        {
            return false;
        }

        if (Contains(linked.Handler, site))
        {
            return request.Holds(value);
        }

        if (linked.Methods.FirstOrDefault(m => Contains(m.Unit, site)) is not { } reached || linked.Handler.Body is not { } body || !request.PassedOn(body))
        {
            return false;
        }

        var parameters = reached.Unit.Parameters.Select(p => p.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        return value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => parameters.Contains(id.Identifier.ValueText));
    }

    private static bool Contains(CodeUnit unit, DataAccessSite site) =>
        unit.Node.SyntaxTree == site.Node.SyntaxTree && unit.Node.Span.Contains(site.Node.Span);

    /// <summary>Entities some linked query filters by an owner column: the code treats their rows as someone's.</summary>
    private static HashSet<string> ScopedEntities(LinkGraph links) =>
        links.Endpoints.SelectMany(e => e.DataAccess)
            .Where(d => d.Fact.Entity is not null && d.Fact.Filters.Any(f => OwnerColumns.IsUserOwnerName(f) || OwnerColumns.IsScopeName(f)))
            .Select(d => d.Fact.Entity!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Owner columns a global query filter (HasQueryFilter) names: EF adds that filter to every query of the entity, so a
    /// lookup by id is already scoped. Read by name across the model configuration, as a filter set in a loop over
    /// entity types names no entity.
    /// </summary>
    private static HashSet<string> GlobalFilterColumns(CodeReviewContext context)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in context.Corpus.Documents.Where(d => d.File.Text.Contains("HasQueryFilter", StringComparison.Ordinal)))
        {
            foreach (var call in document.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasQueryFilter" })
                {
                    columns.UnionWith(call.ArgumentList.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText)
                        .Where(n => OwnerColumns.IsUserOwnerName(n) || OwnerColumns.IsScopeName(n)));
                }
            }
        }

        return columns;
    }

    // Order.CustomerId on a Payment: the row is scoped through its parent's owner.
    private static bool IsOwnerPath(string filter) =>
        filter.Contains('.', StringComparison.Ordinal) && (OwnerColumns.IsUserOwnerName(OwnerColumns.LastSegment(filter)) || OwnerColumns.IsScopeName(OwnerColumns.LastSegment(filter)));

    [GeneratedRegex(@"^(?:(?:Application|App|Identity)?User|Customer|Owner|Buyer|Patient|Member|Profile|Tenant|Organization|Organisation|Company|Workspace)Id$")]
    private static partial Regex PrivateOwner();
}
