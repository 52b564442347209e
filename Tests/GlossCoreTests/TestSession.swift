import Foundation

@testable import GlossCore

/// Builds sessions over in-memory articles for unit tests, and runs commands through them.
enum TestSession {
    /// A session with the given articles loaded (name → text); `.md` names are read as Markdown.
    static func make(_ articles: [(name: String, text: String)]) -> Session {
        let session = Session(baseDirectory: FileManager.default.temporaryDirectory.path)
        session.frontEnd.terminalWidth = 100
        var documents: [Document] = []
        for article in articles {
            var document = DocumentLoader.parse(article.text, pathExtension: DocumentLoader.pathExtension(article.name))
            document.path = article.name
            document.sha256 = HexDigest.sha256(Array(article.text.utf8))
            documents.append(document)
        }
        session.workspace.add(documents)
        return session
    }

    /// The labels (`s0.p1`, `q2`…) of the units a query matches in the whole workspace, in order.
    static func matches(_ query: String, in session: Session) throws -> [String] {
        let node = try QueryParser.parse(query)
        let units = try QueryEvaluator(workspace: session.workspace).evaluate(node, within: session.workspace.viewUnits)
        return units.ids.map { id in
            let unit = session.workspace.corpus.units[Int(id)]
            let label = session.workspace.corpus.label(unit.ref)
            switch unit.kind {
            case .question: return label + "?"
            case .answer: return label + "!"
            case .heading: return label + "#"
            case .title: return "title"
            default: return label
            }
        }
    }

    /// Runs a line and returns its output, failing on error.
    @discardableResult
    static func run(_ line: String, in session: Session) throws -> String {
        let result = session.execute(line)
        if let error = result.error { throw error }
        return result.output
    }

    /// Runs a line that must fail and returns its error.
    static func failure(_ line: String, in session: Session) -> GlossError? {
        session.execute(line).error
    }
}

extension Workspace {
    /// Resolves a target word outside any command, for checks (nothing records what it resolved).
    func resolveTargets(_ text: String) throws(GlossError) -> [ElementRef] {
        var unrecorded = CommandTransaction()
        return try resolveTargets(text, in: &unrecorded)
    }
}
