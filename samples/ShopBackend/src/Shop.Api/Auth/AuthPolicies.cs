namespace Shop.Api.Auth;

public static class AuthPolicies
{
    public const string Admin = "Admin";
    public const string CatalogManager = "CatalogManager";
    public const string Customer = "Customer";
}
