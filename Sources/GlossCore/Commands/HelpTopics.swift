/// Help topics that are not commands: the query language, addresses, sessions.
public enum HelpTopics {
    public struct Topic: Sendable {
        public var name: String
        public var summary: String
        public var body: String
    }

    public static let all: [Topic] = [queries, addresses, sessions]
    public static var names: [String] { all.map(\.name) }

    public static func topic(_ name: String) -> Topic? {
        all.first { $0.name == name || $0.name == name + "s" }
    }

    static let queries = Topic(
        name: "queries", summary: "the query language of find, filter, kwic and docs",
        body: """
            Words are ANDed and matched as whole words, ignoring case, accents and the kind of \
            apostrophe: `nato` does not match "senator"; `zelensky's` matches "Zelensky’s", and \
            `zelensky` matches it too. A dotted abbreviation is one word: `U.S.` matches "U.S." (not \
            "us"), `e.g.` matches "e.g.". Words must occur in the same passage (a FAQ question and its \
            answer are separate passages; a key point is one). Matching is exact by default: `budgets` \
            does not find "Budget". `~budgets` matches every form with the same stem (budget, budgets, \
            budgeted), and `set stem on` does so for every bare word ("quoted" words stay exact); \
            stems are Snowball's, in English unless `set stem-language NAME` (german, french, …).

              barrier cost          both words
              "storm surge"         the exact phrase (hyphens count as spaces)
              secur*                any word starting with secur
              ~budget               any form of the word: budget, budgets, budgeted
              barrier OR gates      either word (OR binds looser than AND)
              -fishing  NOT fishing the word is absent
              (gates OR barrier) -cost
              NEAR(council vote, 5) both words within 5 words of each other, in any order
                                    (not a NEAR b, nor a NEAR/5 b: those are errors)
              /\\$\\d+(\\.\\d+)? (million|billion)/i
                                    a regular expression (PCRE) over the text, /i ignores case;
                                    regexes match substrings, not words; one that PCRE2 gives
                                    up on (nested repeats such as (x+)+) is an error

            Fields narrow by structure and coding:
              kind:paragraph|list|quote|code|table-row|caption|footnote|heading|title|faq|question|answer|keypoint|lead|summary
                                    several kinds with | or ,  (faq = question or answer;
                                    lead = passages before the first heading)
              section:WORDS         units in sections whose heading has the words (quote several:
                                    section:"fishing fleet")
              doc:ID                units of documents whose id matches (globs: doc:harbor*)
              path:GLOB             units of documents whose path ends in what the glob matches
                                    (path:politics/*, path:*.md; * spans folders); a plain value
                                    names a file or a folder it is in (path:politics)
              author:WORDS          documents with an author whose name has the words (author:"jane doe")
              site:WORDS            documents of a site, by its name or its address (site:nytimes)
              lang:TAG              documents in a language (lang:en takes en-GB too)
              date:RANGE            documents published in 2024, 2024-03, on 2024-03-05, or in a range:
                                    date:2024-01..2024-06, date:2024-01.. (since), date:..2023 (until)
              tag:NAME              coded with the tag or a tag below it (tag:actor matches actor/russia);
                                    a passage in a tagged section or document counts, as does a passage
                                    holding a tagged mark
              note:WORDS            with a note containing the words
              has:tag  has:note     with any tag / any note
              untagged              with no tag at all

            Operators are uppercase (AND, OR, NOT); in lowercase they are ordinary words. Parentheses, \
            NOT and - nest at most 256 deep. A malformed query is reported with its column and a \
            caret, and nothing changes.
            """)

    static let addresses = Topic(
        name: "addresses", summary: "how passages, sections, FAQ entries and key points are named",
        body: """
            Every element has a short address, stable for a given document text:
              s0            the lead: passages before the first heading (only when there are some)
              s3            section 3 (sections are numbered 1… in document order, whatever their level)
              s3.p2         the second passage of section 3
              q1            FAQ entry 1 (question and answer)
              kp4           key point 4
              title         the document's title alone (a find hit on a title is this, so `tag #1` tags the title)
              DOC:          a whole document (its id and a colon), e.g. harbor-barrier-vote:
              DOC:s3.p2     an element of another document (otherwise the current one is meant)
            Ranges and lists: kp1-4, s3.p1-3, s1-2, kp1,kp3,s2, harbor:kp1,kp2 (the prefix carries).
            After a listing (find, kwic, more, suggest, similar): #3, #2-5, #1,#4 are its rows. @ is every passage in the working view \
            (headings are left out, so `tag @` never tags whole sections).
            Marks (quoted spans) are m1, m2…; notes are n1, n2….
            """)

    static let sessions = Topic(
        name: "sessions", summary: "history, undo, saving and replaying sessions",
        body: """
            Every command that changes the workspace is journaled and flushed to disk before the \
            prompt returns; after a crash, or a quit that kept unsaved work, `resume` lists unfinished \
            sessions and restores one (`gloss --resume` at start). `undo` and `redo` step through \
            state-changing commands; an undone command is not saved, nor what only read its effects.
            `save NAME` writes the session as a plain-text script (NAME.gloss): the commands in \
            canonical form, each `load` of named files with their SHA-256 and each load followed by \
            anchors of what the session annotated. `gloss NAME.gloss` reopens it; \
            `gloss run NAME.gloss [FILE...]` replays it in batch, where ${1}, ${2}… and ${args} are the \
            files given, `--set NAME=VALUE` defines ${NAME}, and $$ is a literal $. A replay stops at the \
            first error with SCRIPT:LINE:COL (or runs on with --keep-going). On a changed article, \
            annotations move with their text; those whose text is gone become orphans (see orphans).
            A replayed script writes only under the current folder (--allow-write DIR, or a yes at the \
            terminal, permits more), never through a symlink out of it; with `gloss run --strict` or \
            `set strict on` it reads only in its own folder, the current folder and the files given.
            """)
}
