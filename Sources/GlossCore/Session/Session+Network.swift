extension Session {
    /// Whether the running command may fetch: at the prompt always, in a replayed script only when
    /// its sandbox allows it (`gloss run --allow-net`), since an untrusted script could send data out in a URL.
    var mayFetch: Bool { !(replayDepth > 0 || isScript) || sandbox?.allowsNetwork == true }

    func checkNetwork(_ url: String) throws(GlossError) {
        guard !mayFetch else { return }
        throw GlossError(
            "\(url): a replayed script may not fetch from the network, and no snapshot of the page was found (gloss run --allow-net permits fetching)"
        )
    }
}
