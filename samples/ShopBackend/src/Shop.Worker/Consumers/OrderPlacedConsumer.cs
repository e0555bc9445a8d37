using MassTransit;
using Shop.Core.Messages;
using Shop.Core.Notifications;

namespace Shop.Worker.Consumers;

public sealed class OrderPlacedConsumer : IConsumer<OrderPlaced>
{
    private readonly IEmailSender _email;
    private readonly ILogger<OrderPlacedConsumer> _logger;

    public OrderPlacedConsumer(IEmailSender email, ILogger<OrderPlacedConsumer> logger)
    {
        _email = email;
        _logger = logger;
    }

    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var order = context.Message;
        await _email.SendAsync(EmailTemplates.OrderConfirmation(order), context.CancellationToken);
        _logger.LogInformation("Sent confirmation for order {OrderNumber}", order.OrderNumber);
    }
}
