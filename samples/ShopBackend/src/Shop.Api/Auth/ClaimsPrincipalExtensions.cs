using System.Security.Claims;

namespace Shop.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    public static int? CustomerId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue("customer_id"), out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole("Admin");
}
