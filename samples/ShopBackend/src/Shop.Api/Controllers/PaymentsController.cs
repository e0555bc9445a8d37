using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.Api.Auth;
using Shop.Api.Contracts;
using Shop.Api.Data;
using Shop.Api.Data.Entities;
using Shop.Core.Payments;

namespace Shop.Api.Controllers;

[Authorize(Policy = AuthPolicies.Customer)]
public sealed class PaymentsController : ApiControllerBase
{
    private readonly ShopDbContext _db;
    private readonly IPaymentGateway _gateway;
    private readonly ILogger<PaymentsController> _logger;

    public PaymentsController(ShopDbContext db, IPaymentGateway gateway, ILogger<PaymentsController> logger)
    {
        _db = db;
        _gateway = gateway;
        _logger = logger;
    }

    [HttpPost]
    public async Task<ActionResult<PaymentResponse>> Pay(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        var customerId = CurrentCustomerId!.Value;
        var order = await _db.Orders.FirstOrDefaultAsync(o => o.Id == request.OrderId && o.CustomerId == customerId, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (order.Status != OrderStatus.Pending)
        {
            return Conflict(new { message = "The order is not awaiting payment." });
        }

        var email = await _db.Customers.Where(c => c.Id == customerId).Select(c => c.Email).SingleAsync(cancellationToken);
        var result = await _gateway.ChargeAsync(
            new PaymentRequest(order.OrderNumber, order.Total, order.Currency, request.CardToken, email),
            cancellationToken);

        var payment = new Payment
        {
            Id = Guid.NewGuid(),
            OrderId = order.Id,
            Amount = (float)order.Total,
            Currency = order.Currency,
            Provider = "stripe",
            ProviderReference = result.ProviderReference,
            Status = result.Succeeded ? PaymentStatus.Succeeded : PaymentStatus.Failed,
            FailureReason = result.FailureReason,
            CreatedAt = DateTime.UtcNow,
        };
        _db.Payments.Add(payment);

        if (result.Succeeded)
        {
            order.Status = OrderStatus.Paid;
        }

        await _db.SaveChangesAsync(cancellationToken);
        _logger.LogInformation("Payment {PaymentId} for order {OrderNumber}: {Status}", payment.Id, order.OrderNumber, payment.Status);

        return Ok(new PaymentResponse(payment.Id, order.Id, payment.Status.ToString(), payment.FailureReason));
    }

    [HttpGet("{id:guid}")]
    public async Task<ActionResult<PaymentResponse>> Get(Guid id, CancellationToken cancellationToken)
    {
        var customerId = CurrentCustomerId!.Value;
        var payment = await _db.Payments
            .AsNoTracking()
            .Where(p => p.Id == id && p.Order.CustomerId == customerId)
            .Select(p => new PaymentResponse(p.Id, p.OrderId, p.Status.ToString(), p.FailureReason))
            .FirstOrDefaultAsync(cancellationToken);

        return payment is null ? NotFound() : Ok(payment);
    }

    [HttpPost("{id:guid}/refund")]
    [Authorize(Policy = AuthPolicies.Admin)]
    public async Task<IActionResult> Refund(Guid id, CancellationToken cancellationToken)
    {
        var payment = await _db.Payments.Include(p => p.Order).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (payment is null || payment.Status != PaymentStatus.Succeeded || payment.ProviderReference is null)
        {
            return NotFound();
        }

        var result = await _gateway.RefundAsync(payment.ProviderReference, (decimal)payment.Amount, payment.Currency, cancellationToken);
        if (!result.Succeeded)
        {
            return StatusCode(StatusCodes.Status502BadGateway, new { message = result.FailureReason });
        }

        payment.Status = PaymentStatus.Refunded;
        payment.Order.Status = OrderStatus.Refunded;
        await _db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }
}
