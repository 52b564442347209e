// GlossFuzz: libFuzzer targets for the core's parsers, and a replayer for what they find.
//
// Choose the target with GLOSS_FUZZ_TARGET=plaintext|markdown|html|query|commandline|script.
//
// Fuzzing build (scripts/fuzz does this): with -DFUZZING this file defines `GlossFuzz_main`, the
// symbol SwiftPM's Linux link maps `main` to, and hands control to libFuzzer's `LLVMFuzzerRunDriver`
// (the ordinary libFuzzer flags and corpus folders apply):
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
//     -Xswiftc -DFUZZING --scratch-path .build-fuzz --product GlossFuzz
//   GLOSS_FUZZ_TARGET=query SWIFT_BACKTRACE=enable=no .build-fuzz/debug/GlossFuzz CORPUS_DIR
//
// Ordinary build (`swift build`): an `@main` that replays files (crash files, corpus entries) through
// the target and prints one line per file; a crash shows the usual Swift trap. Without the variable,
// the target is taken from the file's path (`…/query/…`, as in Tests/Fuzz/query/regressions/x).
//   swift build --product GlossFuzz && .build/debug/GlossFuzz Tests/Fuzz/query/regressions/*

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let targetNames = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")

/// The target named by the environment, nil when unset; exits on an unknown name.
func environmentTarget() -> FuzzTarget? {
    guard let name = ProcessInfo.processInfo.environment[FuzzTarget.environmentVariable], !name.isEmpty else {
        return nil
    }
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(
            Data("GlossFuzz: unknown \(FuzzTarget.environmentVariable) '\(name)' (\(targetNames))\n".utf8))
        exit(2)
    }
    return target
}

#if FUZZING

    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// Set once before libFuzzer starts; read by the callback.
    nonisolated(unsafe) private var selectedTarget: FuzzTarget = .plaintext

    @_cdecl("GlossFuzz_main")
    func glossFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        guard let target = environmentTarget() else {
            FileHandle.standardError.write(
                Data("GlossFuzz: set \(FuzzTarget.environmentVariable) to one of \(targetNames)\n".utf8))
            return 2
        }
        selectedTarget = target
        _ = FuzzFixture.directory  // create the sandbox before libFuzzer forks or times anything
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, glossFuzzTestOneInput)
    }

    /// libFuzzer's callback. Defined under its standard name too: the fuzzer archive is linked whole,
    /// and its own (unused) `main` refers to this symbol.
    @_cdecl("LLVMFuzzerTestOneInput")
    func glossFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        selectedTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

#else

    @main
    struct GlossFuzzReplay {
        static func main() {
            let files = CommandLine.arguments.dropFirst()
            let fromEnvironment = environmentTarget()
            guard !files.isEmpty else {
                print("usage: [\(FuzzTarget.environmentVariable)=TARGET] GlossFuzz FILE...   (TARGET: \(targetNames))")
                print("Replays inputs through a fuzz target (scripts/fuzz runs the fuzzing build).")
                exit(2)
            }
            var failures = 0
            for file in files {
                let target =
                    fromEnvironment
                    ?? URL(fileURLWithPath: file).pathComponents.reversed().lazy.compactMap(FuzzTarget.init(rawValue:))
                    .first
                guard let target else {
                    print("\(file): no target (set \(FuzzTarget.environmentVariable))")
                    failures += 1
                    continue
                }
                guard let data = FileManager.default.contents(atPath: file) else {
                    print("\(file): cannot read")
                    failures += 1
                    continue
                }
                target.run(Array(data))
                print("\(file): \(target.rawValue): ok")
            }
            exit(failures == 0 ? 0 : 1)
        }
    }

#endif
