// The model's diagnostics share names with Roslyn's; in this project the plain names mean ours.
global using Diagnostic = BackendArchitect.Model.Diagnostic;
global using DiagnosticSeverity = BackendArchitect.Model.DiagnosticSeverity;
