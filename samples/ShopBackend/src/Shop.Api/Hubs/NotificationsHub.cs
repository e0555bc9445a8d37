using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Shop.Api.Auth;

namespace Shop.Api.Hubs;

/// <summary>Pushes order status changes to the storefront; each customer joins a group of their own.</summary>
[Authorize]
public sealed class NotificationsHub : Hub<INotificationsClient>
{
    public override async Task OnConnectedAsync()
    {
        var customerId = Context.User?.CustomerId();
        if (customerId is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(customerId.Value));
        }

        if (Context.User?.IsAdmin() == true)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, "admins");
        }

        await base.OnConnectedAsync();
    }

    public static string GroupFor(int customerId) => $"customer:{customerId}";
}

public interface INotificationsClient
{
    Task OrderStatusChanged(int orderId, string orderNumber, string status);

    Task PaymentFailed(int orderId, string reason);
}
