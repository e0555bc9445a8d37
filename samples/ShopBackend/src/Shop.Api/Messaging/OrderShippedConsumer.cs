using MassTransit;
using Shop.Api.Data;
using Shop.Api.Hubs;
using Shop.Core.Messages;

namespace Shop.Api.Messaging;

public sealed class OrderShippedConsumer : IConsumer<OrderShipped>
{
    private readonly ShopDbContext _db;
    private readonly IOrderNotifier _notifier;

    public OrderShippedConsumer(ShopDbContext db, IOrderNotifier notifier)
    {
        _db = db;
        _notifier = notifier;
    }

    public async Task Consume(ConsumeContext<OrderShipped> context)
    {
        var order = await _db.Orders.FindAsync([context.Message.OrderId], context.CancellationToken);
        if (order is null)
        {
            return;
        }

        await _notifier.StatusChangedAsync(order.CustomerId, order.Id, order.OrderNumber, "Shipped");
    }
}
