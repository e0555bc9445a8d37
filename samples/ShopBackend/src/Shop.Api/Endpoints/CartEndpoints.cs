using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Shop.Api.Auth;

namespace Shop.Api.Endpoints;

public static class CartEndpoints
{
    private static readonly DistributedCacheEntryOptions CartLifetime = new()
    {
        SlidingExpiration = TimeSpan.FromDays(7),
    };

    public static RouteGroupBuilder MapCartEndpoints(this RouteGroupBuilder api)
    {
        var cart = api.MapGroup("/cart")
            .WithTags("Cart")
            .RequireAuthorization(AuthPolicies.Customer);

        cart.MapGet("/", GetCart);
        cart.MapPut("/items/{productId:int}", SetItem);
        cart.MapDelete("/items/{productId:int}", RemoveItem);
        cart.MapDelete("/", ClearCart);

        return api;
    }

    private static async Task<IResult> GetCart(ClaimsPrincipal user, IDistributedCache cache, CancellationToken cancellationToken) =>
        Results.Ok(await LoadAsync(user, cache, cancellationToken));

    private static async Task<IResult> SetItem(int productId, CartItemInput input, ClaimsPrincipal user, IDistributedCache cache, CancellationToken cancellationToken)
    {
        if (input.Quantity is < 1 or > 99)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["quantity"] = ["Quantity must be between 1 and 99."],
            });
        }

        var cart = await LoadAsync(user, cache, cancellationToken);
        cart[productId] = input.Quantity;
        await SaveAsync(user, cache, cart, cancellationToken);
        return Results.Ok(cart);
    }

    private static async Task<IResult> RemoveItem(int productId, ClaimsPrincipal user, IDistributedCache cache, CancellationToken cancellationToken)
    {
        var cart = await LoadAsync(user, cache, cancellationToken);
        if (!cart.Remove(productId))
        {
            return Results.NotFound();
        }

        await SaveAsync(user, cache, cart, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ClearCart(ClaimsPrincipal user, IDistributedCache cache, CancellationToken cancellationToken)
    {
        await cache.RemoveAsync(Key(user), cancellationToken);
        return Results.NoContent();
    }

    private static string Key(ClaimsPrincipal user) => $"cart:{user.CustomerId()}";

    private static async Task<Dictionary<int, int>> LoadAsync(ClaimsPrincipal user, IDistributedCache cache, CancellationToken cancellationToken)
    {
        var json = await cache.GetStringAsync(Key(user), cancellationToken);
        return json is null ? new Dictionary<int, int>() : JsonSerializer.Deserialize<Dictionary<int, int>>(json)!;
    }

    private static Task SaveAsync(ClaimsPrincipal user, IDistributedCache cache, Dictionary<int, int> cart, CancellationToken cancellationToken) =>
        cache.SetStringAsync(Key(user), JsonSerializer.Serialize(cart), CartLifetime, cancellationToken);
}

public sealed record CartItemInput(int Quantity);
