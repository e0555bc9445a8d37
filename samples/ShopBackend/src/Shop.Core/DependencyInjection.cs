using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Orders;
using Shop.Core.Pricing;

namespace Shop.Core;

public static class DependencyInjection
{
    public static IServiceCollection AddShopCore(this IServiceCollection services)
    {
        services.AddSingleton<IVoucherCatalog, InMemoryVoucherCatalog>();
        services.AddSingleton<IOrderNumberGenerator, OrderNumberGenerator>();
        services.AddScoped<IPriceCalculator, PriceCalculator>();
        return services;
    }
}
