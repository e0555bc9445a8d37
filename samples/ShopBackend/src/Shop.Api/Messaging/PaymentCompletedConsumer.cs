using MassTransit;
using Microsoft.EntityFrameworkCore;
using Shop.Api.Data;
using Shop.Api.Data.Entities;
using Shop.Api.Hubs;
using Shop.Core.Messages;

namespace Shop.Api.Messaging;

/// <summary>Asynchronous payment results (3-D Secure, bank transfers) arrive from the payments service's webhook relay.</summary>
public sealed class PaymentCompletedConsumer : IConsumer<PaymentCompleted>
{
    private readonly ShopDbContext _db;
    private readonly IOrderNotifier _notifier;
    private readonly ILogger<PaymentCompletedConsumer> _logger;

    public PaymentCompletedConsumer(ShopDbContext db, IOrderNotifier notifier, ILogger<PaymentCompletedConsumer> logger)
    {
        _db = db;
        _notifier = notifier;
        _logger = logger;
    }

    public async Task Consume(ConsumeContext<PaymentCompleted> context)
    {
        var message = context.Message;
        var payment = await _db.Payments.Include(p => p.Order).FirstOrDefaultAsync(p => p.Id == message.PaymentId, context.CancellationToken);
        if (payment is null)
        {
            _logger.LogWarning("PaymentCompleted for unknown payment {PaymentId}", message.PaymentId);
            return;
        }

        if (payment.Status != PaymentStatus.Pending)
        {
            return;
        }

        payment.Status = message.Succeeded ? PaymentStatus.Succeeded : PaymentStatus.Failed;
        payment.ProviderReference = message.ProviderReference ?? payment.ProviderReference;
        payment.FailureReason = message.FailureReason;
        if (message.Succeeded)
        {
            payment.Order.Status = OrderStatus.Paid;
        }

        await _db.SaveChangesAsync(context.CancellationToken);

        if (message.Succeeded)
        {
            await _notifier.StatusChangedAsync(payment.Order.CustomerId, payment.OrderId, payment.Order.OrderNumber, nameof(OrderStatus.Paid));
        }
        else
        {
            await _notifier.PaymentFailedAsync(payment.Order.CustomerId, payment.OrderId, message.FailureReason ?? "declined");
        }
    }
}
