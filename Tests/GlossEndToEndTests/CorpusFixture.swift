import Foundation

/// A small generated corpus shaped like real ones: the same file names in several folders
/// (`politics/001.txt`, `sport/001.txt`…), Markdown guides all called `readme.md`, a copy of one
/// article under another name (met after the original in a walk), titles on every article, and word forms for stemming (budget,
/// budgets, budgeted). Generated, not downloaded: every text is made here from templates.
enum CorpusFixture {
    static let categories = ["politics", "sport", "business"]
    static let articlesPerCategory = 4
    /// Markdown guides, each `guides/NAME/readme.md`.
    static let guides = ["sig-node", "sig-auth"]
    /// `sport/copy-of-001.txt` holds the same bytes as this article.
    static let copied = "politics/001.txt"
    static let copy = "sport/copy-of-001.txt"

    /// Writes the corpus under `corpus/` in `directory`.
    static func write(into directory: TemporaryDirectory, folder: String = "corpus") throws {
        for category in categories {
            for number in 1...articlesPerCategory {
                try directory.write("\(folder)/\(category)/\(name(number)).txt", article(category, number))
            }
        }
        try directory.write("\(folder)/\(copy)", article("politics", 1))
        for guide in guides {
            try directory.write("\(folder)/guides/\(guide)/readme.md", self.guide(guide))
        }
    }

    /// A scratch directory holding the corpus under `corpus/`.
    static func directory() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try write(into: directory)
        return directory
    }

    /// A command's JSON output, parsed.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    static var documentCount: Int { categories.count * articlesPerCategory + guides.count }

    static func name(_ number: Int) -> String { String(format: "%03d", number) }

    /// The title line of an article.
    static func title(_ category: String, _ number: Int) -> String {
        "\(category.capitalized) report \(number): \(topics[(number + category.count) % topics.count])"
    }

    static let topics = [
        "Council weighs the budget", "Fans and the new stadium", "Rates rise again", "A vote on the harbor",
    ]

    /// A plain-text article: title, a lead, two headed sections.
    static func article(_ category: String, _ number: Int) -> String {
        let seed = number * 7 + category.count
        let place = ["Port Alder", "Millbrook", "Eastvale", "Kingsford"][seed % 4]
        let person = ["Dana Ruiz", "Omar Haddad", "Lena Park", "Sam Roe"][(seed / 2) % 4]
        return """
            \(title(category, number))

            The \(category) desk reports from \(place), where \(person) spoke on Tuesday about the city budget \
            and what it means for residents in story \(number).

            Budgets Under Pressure

            Officials said the budgets for next year were budgeted with care, but \(person) warned that the \
            council vote could change them. Putin and Trump were not mentioned in \(place).

            What Comes Next

            A final council vote on the \(category) plan is expected in March; \(category == "politics" && number == 1 ? "putin met trump in a different story entirely." : "residents may speak at the meeting.")

            """
    }

    /// A Markdown guide with front matter.
    static func guide(_ name: String) -> String {
        """
        ---
        title: Guide for \(name)
        author: Jane Doe
        ---

        # Guide for \(name)

        This guide explains how \(name) reviews a budget proposal.

        ## Steps

        Read the proposal, then vote on the budget in the weekly meeting.

        """
    }
}
