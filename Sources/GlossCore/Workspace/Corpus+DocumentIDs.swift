/// Document ids: the file name's stem when no other loaded document has it, else the shortest suffix
/// of the path that tells the document apart (`politics/001`, `sig-node/2033-userns/readme`). An id
/// never changes once given, so an earlier document keeps its id when a later load brings a namesake.
extension Corpus {
    /// Gives every collided document of a load its id. `collided` are new documents whose stem id was
    /// taken (by an earlier document or one of this load); ids of documents loaded before stay.
    func resolveIDCollisions(_ collided: [Int], firstNew: Int) {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for index in collided {
            let base = documents[index].id
            if groups[base] == nil { order.append(base) }
            groups[base, default: []].append(index)
        }
        for base in order {
            var members = groups[base]!
            // The document that took the stem id: if it is new too, it is told apart like the others.
            if let holder = lookup.byID[base] {
                if holder >= firstNew { lookup.byID[base] = nil }
                members.append(holder)
            }
            members += (lookup.namesakes[base] ?? []).filter { isLoaded[$0] && $0 < firstNew }
            members = Array(Set(members)).sorted()
            assignSuffixIDs(base: base, members: members, firstNew: firstNew)
        }
    }

    /// Ids of new members from the shortest path suffix no other member shares and no document holds.
    /// Members loaded earlier keep their ids; they take part only so that new ids are not suffixes of
    /// their paths as well.
    private func assignSuffixIDs(base: String, members: [Int], firstNew: Int) {
        let folders = Dictionary(uniqueKeysWithValues: members.map { ($0, Self.folderIDs(of: documents[$0])) })
        var unresolved = members.filter { $0 >= firstNew }
        // Files of one folder that differ only in their extension (a draft as .docx and .odt) are never
        // told apart by folders: their extension joins their stem (review-draft-docx, review-draft-odt).
        var extensionsInFolder: [[String]: Set<String>] = [:]
        var pathExtensions: [Int: String] = [:]
        for member in members {
            let document = documents[member]
            pathExtensions[member] = DocumentLoader.pathExtension(document.readPath).lowercased()
            extensionsInFolder[folders[member]!, default: []].insert(pathExtensions[member]!)
        }
        var bases: [Int: String] = [:]
        for member in members {
            let pathExtension = pathExtensions[member]!
            bases[member] =
                extensionsInFolder[folders[member]!]!.count > 1 && !pathExtension.isEmpty
                ? base + "-" + Self.documentID(ofStem: Substring(pathExtension)) : base
        }
        var depth = 0
        while !unresolved.isEmpty {
            var suffixes: [Int: String] = [:]
            var counts: [String: Int] = [:]
            for member in members where depth <= folders[member]!.count {
                let suffix = Self.suffixID(base: bases[member]!, folders: folders[member]!, depth: depth)
                suffixes[member] = suffix
                counts[suffix, default: 0] += 1
            }
            var next: [Int] = []
            for member in unresolved {
                if let suffix = suffixes[member] {
                    if counts[suffix] == 1, lookup.byID[suffix] == nil {
                        give(member, suffix, base: base)
                    } else {
                        next.append(member)
                    }
                } else {
                    // Its whole path is a suffix of another's, or reads the same once made an id (A.txt and
                    // a.txt): numbered, as no folder tells them apart.
                    var number = 2
                    var candidate = "\(bases[member]!)-\(number)"
                    while lookup.byID[candidate] != nil {
                        number += 1
                        candidate = "\(bases[member]!)-\(number)"
                    }
                    give(member, candidate, base: base)
                }
            }
            unresolved = next
            depth += 1
        }
    }

    private func give(_ document: Int, _ id: String, base: String) {
        documents[document].id = id
        lookup.byID[id] = document
        if id != base { lookup.namesakes[base, default: []].append(document) }
    }

    /// `politics/001` for depth 1: the stem id after `depth` folder ids, nearest last.
    private static func suffixID(base: String, folders: [String], depth: Int) -> String {
        guard depth > 0 else { return base }
        return folders[..<depth].reversed().joined(separator: "/") + "/" + base
    }

    /// The ids of the folders a document's file is in, nearest first, made by the rule of the stem's.
    static func folderIDs(of document: Document) -> [String] {
        let path = document.readPath
        var components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !components.isEmpty else { return [] }
        components.removeLast()
        return components.reversed().filter { $0 != "." && $0 != ".." }.map { documentID(ofStem: $0) }
    }
}
