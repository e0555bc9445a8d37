using MassTransit;
using Shop.Core.Messages;
using Shop.Core.Notifications;

namespace Shop.Worker.Consumers;

public sealed class OrderShippedEmailConsumer : IConsumer<OrderShipped>
{
    private readonly IEmailSender _email;

    public OrderShippedEmailConsumer(IEmailSender email)
    {
        _email = email;
    }

    public Task Consume(ConsumeContext<OrderShipped> context) =>
        _email.SendAsync(EmailTemplates.OrderShipped(context.Message), context.CancellationToken);
}
