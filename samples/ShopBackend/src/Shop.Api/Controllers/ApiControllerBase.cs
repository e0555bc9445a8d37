using Microsoft.AspNetCore.Mvc;
using Shop.Api.Auth;

namespace Shop.Api.Controllers;

[ApiController]
[Route("api/[controller]")]
[Produces("application/json")]
public abstract class ApiControllerBase : ControllerBase
{
    protected int? CurrentCustomerId => User.CustomerId();

    protected ActionResult ValidationFailed(IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }

        return ValidationProblem(ModelState);
    }
}
