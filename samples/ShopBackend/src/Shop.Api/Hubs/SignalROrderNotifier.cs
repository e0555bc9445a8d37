using Microsoft.AspNetCore.SignalR;

namespace Shop.Api.Hubs;

public interface IOrderNotifier
{
    Task StatusChangedAsync(int customerId, int orderId, string orderNumber, string status);

    Task PaymentFailedAsync(int customerId, int orderId, string reason);
}

public sealed class SignalROrderNotifier : IOrderNotifier
{
    private readonly IHubContext<NotificationsHub, INotificationsClient> _hub;

    public SignalROrderNotifier(IHubContext<NotificationsHub, INotificationsClient> hub)
    {
        _hub = hub;
    }

    public async Task StatusChangedAsync(int customerId, int orderId, string orderNumber, string status)
    {
        await _hub.Clients.Group(NotificationsHub.GroupFor(customerId)).OrderStatusChanged(orderId, orderNumber, status);
        await _hub.Clients.Group("admins").OrderStatusChanged(orderId, orderNumber, status);
    }

    public Task PaymentFailedAsync(int customerId, int orderId, string reason) =>
        _hub.Clients.Group(NotificationsHub.GroupFor(customerId)).PaymentFailed(orderId, reason);
}
