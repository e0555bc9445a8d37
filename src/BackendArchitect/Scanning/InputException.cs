namespace BackendArchitect.Scanning;

/// <summary>The input cannot be read at all (a missing path); hosts turn it into a one-line message and exit code 2.</summary>
public sealed class InputException(string message) : Exception(message);
