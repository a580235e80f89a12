/// Why a pf.conf was refused: every problem found, in file order, each as pfctl prints it.
///
/// `description` is exactly what `pfctl -nf PATH` writes to stderr (one line per problem, no
/// trailing newline), e.g. `/etc/pf.conf:7: syntax error`.
package struct PFSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    package var diagnostics: [PFDiagnostic]

    package init(diagnostics: [PFDiagnostic]) {
        self.diagnostics = diagnostics
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
