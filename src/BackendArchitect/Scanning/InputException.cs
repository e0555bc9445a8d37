namespace BackendArchitect.Scanning;

/// <summary>The input cannot be read at all (a missing path, a database that does not answer); hosts turn it into a one-line message and exit code 2.</summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
