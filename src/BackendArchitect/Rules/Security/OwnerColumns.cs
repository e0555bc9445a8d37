using System.Text.RegularExpressions;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// The properties of an entity that say whose row it is: a user-level owner (UserId, CustomerId, OwnerId, AuthorId...)
/// or a scope (TenantId, OrganizationId...). Audit columns (CreatedBy) are not owners: they record who wrote a row,
/// not who may see it.
/// </summary>
public static partial class OwnerColumns
{
    /// <summary>The entity's owner properties (its key left out); empty when it has none.</summary>
    public static IReadOnlyList<string> Of(Entity entity) =>
        [.. entity.Properties.Select(p => p.Name).Where(n => !entity.Key.Contains(n) && (UserOwner().IsMatch(n) || ScopeOwner().IsMatch(n)))];

    /// <summary>The owner a property path ends in: "CustomerId" and "Order.CustomerId" both name CustomerId.</summary>
    public static string LastSegment(string path) => path[(path.LastIndexOf('.') + 1)..];

    /// <summary>True for a user-level owner name, on any entity (used for navigations: Order.CustomerId).</summary>
    public static bool IsUserOwnerName(string name) => UserOwner().IsMatch(name);

    /// <summary>True for a scope name, on any entity.</summary>
    public static bool IsScopeName(string name) => ScopeOwner().IsMatch(name);

    [GeneratedRegex(@"^(?:(?:Application|App|Identity)?User|Customer|Owner|Buyer|Patient|Author|Member|Profile)Id$")]
    private static partial Regex UserOwner();

    [GeneratedRegex(@"^(?:Tenant|Organization|Organisation|Company|Workspace)Id$")]
    private static partial Regex ScopeOwner();
}
