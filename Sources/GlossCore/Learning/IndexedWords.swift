/// The words the index records for a text, as it records them (see `IndexShard.add`): each folded
/// word, and for a possessive ("port's") its base word ("port") too. A text that is not a unit (a
/// mark's quote) is turned into the same words as a unit would be.
enum IndexedWords {
    static func forEach(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        var scratch: [UInt8] = []
        text.withUTF8 { bytes in
            Tokenizer.scan(bytes, scratch: &scratch) { word, _, _ in
                body(word)
                if word.count > 2, word[word.count - 2] == UInt8(ascii: "'"), word[word.count - 1] == UInt8(ascii: "s")
                {
                    body(UnsafeBufferPointer(rebasing: word[..<(word.count - 2)]))
                }
            }
        }
    }
}
